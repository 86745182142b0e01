package org.engagebot.platform;

import io.micronaut.jdbc.DataSourceResolver;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grouped writes from many threads: each caller returns after a commit that holds its row, and a failure stays its own. */
class GroupCommitIT {
    private static TestService service;
    private static Transactions transactions;
    private static Db db;
    private static DataSource raw;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.outbox.enabled", "false"));
        transactions = service.bean(Transactions.class);
        db = service.bean(Db.class);
        raw = service.bean(DataSourceResolver.class).resolve(service.bean(DataSource.class));
        db.update("CREATE TABLE group_probe (name TEXT PRIMARY KEY, thread TEXT NOT NULL)");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Read on a connection of its own, outside any transaction: sees only what was committed. */
    private static boolean committed(String name) throws Exception {
        try (Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM group_probe WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String insert(String name) {
        db.update("INSERT INTO group_probe (name, thread) VALUES (?, ?)", name, Thread.currentThread().getName());
        sleep(2);
        if (name.startsWith("bad")) {
            throw new IllegalStateException("refused " + name);
        }
        return name;
    }

    @Test
    void everyCallerReturnsAfterTheCommitThatHoldsItsWorkAndCommitsAreShared() throws Exception {
        int callers = 12;
        int each = 20;
        AtomicInteger ranForAnother = new AtomicInteger();
        assertThat(together(callers, caller -> {
            List<String> notVisible = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                String name = "ok-" + caller + "-" + i;
                Thread me = Thread.currentThread();
                transactions.grouped(() -> {
                    if (Thread.currentThread() != me) {
                        ranForAnother.incrementAndGet();
                    }
                    return insert(name);
                });
                if (!committed(name)) {
                    notVisible.add(name);
                }
            }
            return notVisible;
        })).as("rows not committed when grouped() returned").isEmpty();
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'ok-%'")).isEqualTo(callers * each);
        assertThat(ranForAnother.get()).as("works run by another caller's thread, in its group").isPositive();
    }

    @Test
    void aFailingWorkRollsBackAloneAndItsCallerGetsTheException() throws Exception {
        int callers = 8;
        Set<String> failed = ConcurrentHashMap.newKeySet();
        together(callers, caller -> {
            for (int i = 0; i < 10; i++) {
                String name = (caller == 3 && i % 3 == 0 ? "bad-" : "mixed-") + caller + "-" + i;
                try {
                    transactions.grouped(() -> insert(name));
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessage("refused " + name);
                    failed.add(name);
                }
            }
            return List.of();
        });
        assertThat(failed).containsExactlyInAnyOrder("bad-3-0", "bad-3-3", "bad-3-6", "bad-3-9");
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'bad-%'")).isZero();
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'mixed-%'")).isEqualTo(callers * 10 - 4);
    }

    @Test
    void workAfterCommitRunsOnTheCallersThreadOnceCommitted() throws Exception {
        String[] seen = new String[2];
        transactions.grouped(() -> {
            insert("after-1");
            transactions.afterCommit(() -> {
                seen[0] = Thread.currentThread().getName();
                try {
                    seen[1] = Boolean.toString(committed("after-1"));
                } catch (Exception e) {
                    seen[1] = e.toString();
                }
            });
            return null;
        });
        assertThat(seen).containsExactly(Thread.currentThread().getName(), "true");
        assertThatThrownBy(() -> transactions.grouped(() -> {
            transactions.afterCommit(() -> seen[0] = "ran after a rollback");
            return insert("bad-after");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(seen[0]).isEqualTo(Thread.currentThread().getName());
    }

    /**
     * Unwaited works (SQLite's inbound steps) mixed with waited ones: each future completes only once its row is
     * committed (after its after-commit work), a failing one completes with its exception having rolled back alone,
     * and a future's code that queues more unwaited work (the sender's next step) gets it run too.
     */
    @Test
    void anUnwaitedWorksFutureCompletesAfterTheCommitThatHoldsIt() throws Exception {
        int callers = 8;
        assertThat(together(callers, caller -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String name = (caller == 2 && i % 5 == 0 ? "bad-later-" : "later-") + caller + "-" + i;
                transactions.grouped(() -> insert("waited-" + name));
                String[] after = new String[1];
                java.util.concurrent.CompletableFuture<String> done = transactions.groupedLater(() -> {
                    transactions.afterCommit(() -> after[0] = "ran");
                    return insert(name);
                }).thenCompose(first -> transactions.groupedLater(() -> insert("then-" + first)));
                try {
                    String last = done.get(30, TimeUnit.SECONDS);
                    if (!committed(name) || !committed(last) || !"ran".equals(after[0])) {
                        problems.add(name);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!name.startsWith("bad-") || !("refused " + name).equals(e.getCause().getMessage())) {
                        problems.add(name + ": " + e.getCause());
                    }
                }
            }
            return problems;
        })).isEmpty();
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'bad-later-%'")).isZero();
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'later-%'")).isEqualTo(callers * 15 - 3);
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'then-later-%'")).isEqualTo(callers * 15 - 3);
    }

    /**
     * PostgreSQL: with two leaders, a group that is still running (here: blocked) does not hold back another caller's
     * work, which commits in a group of its own on another connection; with one leader it would wait for the first.
     */
    @Test
    void withTwoLeadersASecondGroupCommitsWhileTheFirstStillRuns() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect().postgres(), "SQLite has one writer: one leader");
        GroupCommit group = new GroupCommit(db, false, 2, 1);
        ThreadLocal<List<Runnable>> slot = new ThreadLocal<>();
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> group.run(() -> {
                insert("lead-1");
                inFirst.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, slot).outcome());
            assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> group.run(() -> insert("lead-2"), slot).outcome());
            second.get(10, TimeUnit.SECONDS);
            assertThat(committed("lead-2")).as("the second group committed").isTrue();
            assertThat(committed("lead-1")).as("while the first still runs").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(committed("lead-1")).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** PostgreSQL, three leaders: every caller still returns only after the commit that holds its row. */
    @Test
    void withSeveralLeadersEveryCallerReturnsAfterItsCommit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect().postgres(), "SQLite has one writer: one leader");
        GroupCommit group = new GroupCommit(db, false, 3, 2);
        ThreadLocal<List<Runnable>> slot = new ThreadLocal<>();
        int callers = 12;
        assertThat(together(callers, caller -> {
            List<String> notVisible = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "many-" + caller + "-" + i;
                group.run(() -> insert(name), slot).outcome();
                if (!committed(name)) {
                    notVisible.add(name);
                }
            }
            return notVisible;
        })).as("rows not committed when run() returned").isEmpty();
        assertThat(db.count("SELECT count(*) FROM group_probe WHERE name LIKE 'many-%'")).isEqualTo(callers * 20);
    }

    /** What one of several callers does; it returns what went wrong for it (empty when nothing). */
    private interface Caller {
        List<String> run(int caller) throws Exception;
    }

    /** Runs {@code callers} callers at once, released together, and returns what went wrong for all of them. */
    private static List<String> together(int callers, Caller each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            futures.add(pool.submit(() -> {
                go.await();
                return each.run(caller);
            }));
        }
        go.countDown();
        List<String> problems = new ArrayList<>();
        try {
            for (Future<List<String>> f : futures) {
                problems.addAll(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        return problems;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
