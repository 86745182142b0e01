package org.engagebot.platform;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * SQLite has one writer. Letting many threads race for it means losers sleep in SQLite's busy handler
 * (up to 100 ms a try), which wrecks tail latency. So every write transaction, and every autocommit write
 * through {@link Db}, takes this one fair JVM lock first: writers queue in memory and SQLite never sees
 * contention. Reads take no lock (WAL lets them run beside the writer).
 * Use {@link #write} for any transaction that writes; never hold it while calling out to the network.
 * A long job must not hold it for long either: it commits in chunks ({@link Chunks}), so an inbound message
 * waits for one chunk at most. Transactions are {@link Db}'s own (plain JDBC); a write inside an open one joins it.
 * PostgreSQL has many writers: there the lock is skipped and each write transaction runs on its own pooled
 * connection beside the others, as they already do across instances (row locks, SKIP LOCKED claims, compare-and-set
 * cursors, the sender's advisory lock keep them apart); {@link #grouped} work still shares one transaction and one
 * commit with other threads' ({@link GroupCommit}), which cuts the server's work a message.
 */
@Singleton
public class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    static final ReentrantLock WRITER = new ReentrantLock(true);
    /** Work to run once the outermost {@link #write} on this thread has committed and let the lock go. */
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    private final Db db;
    private final GroupCommit group;

    private final boolean serialised;
    /**
     * PostgreSQL: group commit too (-Dengagebot.pg.group=false turns it off, to measure without it), one group in
     * flight per instance; -Dengagebot.pg.group-leaders=2 allows a second one while -Dengagebot.pg.group-another (3)
     * works wait (measured: better on an overloaded machine, not on a less loaded one, and a worse p99 there).
     */
    private final boolean groupOnPostgres = !"false".equals(System.getProperty("engagebot.pg.group"));

    public Transactions(Db db) {
        this.db = db;
        this.serialised = !db.dialect().postgres();
        this.group = new GroupCommit(db, serialised, Integer.getInteger("engagebot.pg.group-leaders", 1),
                Integer.getInteger("engagebot.pg.group-another", 3));
    }

    public <T> T write(Supplier<T> work) {
        boolean outermost = AFTER_COMMIT.get() == null;
        if (outermost) {
            AFTER_COMMIT.set(new ArrayList<>());
        }
        T result;
        try {
            if (Db.inTransaction()) {
                result = work.get();
            } else if (!serialised) {
                result = db.transaction(work);
            } else {
                WRITER.lock();
                try {
                    result = db.transaction(work);
                } finally {
                    WRITER.unlock();
                }
            }
        } catch (RuntimeException | Error e) {
            if (outermost) {
                AFTER_COMMIT.remove();
            }
            throw e;
        }
        if (outermost) {
            List<Runnable> after = AFTER_COMMIT.get();
            AFTER_COMMIT.remove();
            after.forEach(Transactions::runSafely);
        }
        return result;
    }

    /**
     * As {@link #write}, but the transaction may be shared with other threads' grouped work and committed once for
     * all ({@link GroupCommit}): returns only after the commit that holds this work. For short work that touches
     * nothing but the database and can run on another thread, or twice (the first time rolled back). Inside an open
     * transaction it simply joins it.
     */
    public <T> T grouped(Supplier<T> work) {
        if (AFTER_COMMIT.get() != null || Db.inTransaction() || (!serialised && !groupOnPostgres)) {
            return write(work);
        }
        GroupCommit.Pending<T> pending = group.run(work, AFTER_COMMIT);
        T result = pending.outcome();
        pending.afterCommit().forEach(Transactions::runSafely);
        return result;
    }

    /**
     * As {@link #grouped}, without waiting: the work joins the next group and the future completes once the commit
     * holding it is done (or with its failure, after it failed alone), on the thread that led the group, outside the
     * writer lock; its after-commit work runs on a thread of its own. Saves the thread hand-offs of a caller that
     * would otherwise wait on a thread of its own for the commit ({@link GroupCommit#submit}). Only where the writers
     * are serialised (SQLite); elsewhere, and inside an open transaction, it runs now, as {@link #grouped}.
     */
    public <T> CompletableFuture<T> groupedLater(Supplier<T> work) {
        if (!serialised || AFTER_COMMIT.get() != null || Db.inTransaction()) {
            try {
                return CompletableFuture.completedFuture(grouped(work));
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return group.submit(work, AFTER_COMMIT, AFTER);
    }

    /** True when writers take turns (SQLite), so that {@link #groupedLater} queues rather than runs now. */
    public boolean serialised() {
        return serialised;
    }

    private static final Executor AFTER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "after-commit");
        t.setDaemon(true);
        return t;
    });

    public void run(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} after the current transaction commits, outside it and without the writer lock: on this
     * thread once the outermost {@link #write} returns; with no transaction, now. Nothing runs if the transaction rolls back, so the work
     * must be recorded durably in the transaction if it has to survive a crash. Failures are logged, not thrown.
     */
    public void afterCommit(Runnable work) {
        List<Runnable> queued = AFTER_COMMIT.get();
        if (queued != null) {
            queued.add(work);
            return;
        }
        runSafely(work);
    }

    static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Work after commit failed", e);
        }
    }
}
