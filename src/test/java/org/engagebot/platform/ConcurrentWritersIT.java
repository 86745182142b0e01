package org.engagebot.platform;

import io.micronaut.context.ApplicationContext;
import org.engagebot.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL write transactions run side by side (the JVM writer lock is SQLite's, whose one writer it queues):
 * four transactions are all open at once, each waiting inside for the others, and all commit. Under the lock the
 * second could not begin until the first ended, and the latch would time out. Run in the PostgreSQL pass.
 */
class ConcurrentWritersIT {
    @TempDir
    Path dir;

    @Test
    void writeTransactionsOverlapOnPostgresql() throws Exception {
        assumeTrue(TestDatabase.postgres(), "PostgreSQL only (ENGAGEBOT_TEST_DATABASE=postgresql)");
        Map<String, Object> props = new HashMap<>(TestDatabase.properties(dir));
        props.putAll(Map.of("engagebot.outbox.enabled", "false", "engagebot.telegram.enabled", "false",
                "engagebot.mail.enabled", "false", "micronaut.server.enabled", "false"));
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            Transactions tx = ctx.getBean(Transactions.class);
            Db db = ctx.getBean(Db.class);
            db.update("CREATE TABLE overlap_probe (name TEXT PRIMARY KEY)");
            int writers = 4;
            CountDownLatch allInside = new CountDownLatch(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "writer-" + i;
                done.add(pool.submit(() -> tx.write(() -> {
                    db.update("INSERT INTO overlap_probe (name) VALUES (?)", name);
                    allInside.countDown();
                    try {
                        return allInside.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            for (Future<Boolean> f : done) {
                assertThat(f.get(30, TimeUnit.SECONDS)).as("every writer saw the others inside at once").isTrue();
            }
            pool.shutdown();
            assertThat(db.count("SELECT count(*) FROM overlap_probe")).isEqualTo(writers);
        }
    }
}
