package org.engagebot.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Group commit for short, self-contained write transactions (an inbound message's store, its engine step). Each
 * caller queues its work; the caller leading at the time takes the writer lock and runs everything queued by then in
 * ONE SQLite transaction, commits once, and wakes the others, whose work is done. Every caller still returns only
 * after the commit that holds its work, so what a caller acknowledges is as durable as before; a commit just carries
 * several callers' rows (the pages they share, the inbox's and the outbox's last leaves, are written to the WAL once).
 * If any work in a group throws, or the commit fails, the whole group rolls back and each work runs again alone in its
 * own transaction, so one bad message never takes others down with it. Work therefore runs on whichever thread leads
 * the group, may run twice (once rolled back), and must touch nothing but the database.
 * A work may also be queued with nobody waiting on it ({@link #submit}, SQLite's inbound steps): its future completes
 * after the commit, on the leader's thread. A leader whose own work is done leads a few groups more while such work is
 * oldest in the queue, so a message's step costs no thread woken to run it and none parked waiting for it (the thread
 * hand-offs were about a sixth of a message's CPU). The writer lock is let go between one leader's groups.
 * On PostgreSQL there is no writer lock, but the same grouping cuts a message's share of the server's work: one
 * COMMIT (one WAL flush, one wake-up of the WAL writer) and one final round trip for the group, and each work's
 * held-back writes ride with the next work's first statement ({@link Db#updateLater}). One leader at a time per
 * instance by default (the next group gathers meanwhile); with {@code leaders} above 1, when several works wait behind a
 * running group, a further leader runs them as a group of its own on another connection. Works of one sender never share a group, nor run in two at once (its messages are queued one
 * at a time), and each work takes its sender's advisory lock for the group's transaction.
 */
final class GroupCommit {
    static final int MAX_GROUP = 32;
    /** For benchmarks (WriterLock): groups committed, works in them, and how long leaders held the writer lock. */
    static final LongAdder GROUPS = new LongAdder();
    static final LongAdder WORKS = new LongAdder();
    static final LongAdder HELD_NANOS = new LongAdder();
    /** The leaders' own CPU while holding it: the hold time less the time they were waiting for a core. */
    static final LongAdder HELD_CPU_NANOS = new LongAdder();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Db db;
    /** SQLite: leaders take the writer lock (so one at a time). PostgreSQL: none. */
    private final boolean serialised;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    /** Leaders now, at most {@link #leaders}. */
    private final AtomicInteger leading = new AtomicInteger();
    private final int leaders;
    /** Works waiting before a further leader starts a group beside the running one(s). */
    private final int another;

    GroupCommit(Db db, boolean serialised) {
        this(db, serialised, 1, 1);
    }

    /**
     * {@code leaders}: groups in flight at once at most (each on its own connection), 1 when serialised; a leader
     * beside a running one starts only while {@code another} works wait.
     */
    GroupCommit(Db db, boolean serialised, int leaders, int another) {
        this.db = db;
        this.serialised = serialised;
        this.leaders = serialised ? 1 : Math.max(1, leaders);
        this.another = Math.max(1, another);
    }

    /**
     * The first leader leads whenever there is none; another one only while at least {@link #another} works
     * wait, so that a few callers still share one commit and many are not all held behind one group's round trips.
     */
    private boolean takeLead() {
        for (int now = leading.get(); now < leaders; now = leading.get()) {
            if (now > 0 && !waiting(another)) {
                return false;
            }
            if (leading.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean waiting(int works) {
        int n = 0;
        for (java.util.Iterator<Pending<?>> i = queue.iterator(); i.hasNext() && n < works; i.next()) {
            n++;
        }
        return n >= works;
    }

    /**
     * A queued work and, once its group has committed or it failed alone, its outcome. {@code owner}: the thread
     * parked until it is done ({@link #run}); null for a work nobody waits on ({@link #submit}), whose
     * {@code future} completes instead.
     */
    static final class Pending<T> {
        private final Supplier<T> work;
        private final Thread owner;
        private final CompletableFuture<T> future;
        private List<Runnable> afterCommit = new ArrayList<>();
        /** Unwaited work: where its after-commit work runs, before its future completes. */
        private Executor after;
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Pending(Supplier<T> work, boolean waited) {
            this.work = work;
            this.owner = waited ? Thread.currentThread() : null;
            this.future = waited ? null : new CompletableFuture<>();
        }

        List<Runnable> afterCommit() {
            return afterCommit;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    /**
     * Runs {@code work} in a group; returns when the group's commit (or its own, after a failure) is done. One caller
     * at a time leads (on PostgreSQL up to {@link #leaders}, see {@link #takeLead}): it takes the writer lock (SQLite)
     * and commits groups until its own work is done (or is in another leader's group), then hands the lead to
     * the owner of the oldest work still queued. The others park until their work is done or the lead is handed to
     * them, so a finished group wakes its callers at once instead of passing the lock through each of them in turn.
     */
    <T> Pending<T> run(Supplier<T> work, ThreadLocal<List<Runnable>> afterCommitSlot) {
        Pending<T> mine = new Pending<>(work, true);
        queue.add(mine);
        if (LEADING.get() != null) {
            // this thread leads (a completed future's code queued this): waiting on another leader would be on itself
            while (!mine.done) {
                if (!oneGroup(afterCommitSlot) && !mine.done) {
                    LockSupport.parkNanos(this, 100_000); // another leader's group has it (PostgreSQL)
                }
            }
            return mine;
        }
        boolean interrupted = false;
        while (!mine.done) {
            if (takeLead()) {
                boolean taken;
                try {
                    taken = lead(mine, afterCommitSlot);
                } finally {
                    LEADING.remove();
                    leading.decrementAndGet();
                    handOn(afterCommitSlot);
                }
                if (taken && !mine.done) {
                    LockSupport.park(this); // another leader's group holds it: woken when that group is done
                    interrupted |= Thread.interrupted();
                }
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine;
    }

    /**
     * Queues {@code work} for a group without waiting for it: the future completes (on the thread that led its group,
     * once that group's commit is done and the writer lock let go) with its result or failure; its after-commit work,
     * if any, runs first on {@code after}. When no leader is at work and the writer lock is free, this thread leads until the work is done; otherwise the
     * running leader takes it in its next group, and no thread is woken for it (a caller that waits on the future
     * is woken once, when it completes).
     */
    <T> CompletableFuture<T> submit(Supplier<T> work, ThreadLocal<List<Runnable>> afterCommitSlot, Executor after) {
        Pending<T> p = new Pending<>(work, false);
        p.after = after;
        queue.add(p);
        if (LEADING.get() == null && takeLead()) {
            if (serialised && Transactions.WRITER.isLocked()) {
                // a long writer holds the lock (an import's chunk): a thread of its own waits for it, not this caller
                // (a webhook that answers once its message is stored)
                leading.decrementAndGet();
                handOn(afterCommitSlot);
                return p.future;
            }
            try {
                lead(p, afterCommitSlot);
            } finally {
                LEADING.remove();
                leading.decrementAndGet();
                handOn(afterCommitSlot);
            }
        }
        return p.future;
    }

    /**
     * A leader stopping passes the lead to the owner of the oldest queued work; when that work has no owner (nobody
     * waits on it), to a thread of its own that leads until it is done.
     */
    private void handOn(ThreadLocal<List<Runnable>> slot) {
        Pending<?> next = queue.peek();
        if (next == null) {
            return;
        }
        if (next.owner != null) {
            LockSupport.unpark(next.owner);
            return;
        }
        HAND_ON.execute(() -> {
            if (!next.done && takeLead()) {
                try {
                    lead(next, slot);
                } finally {
                    LEADING.remove();
                    leading.decrementAndGet();
                    handOn(slot);
                }
            }
        });
    }

    private static final Executor HAND_ON = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "group-commit");
        t.setDaemon(true);
        return t;
    });

    /**
     * Groups a leader runs past its own work while the oldest queued one is waited on by nobody ({@link #submit}),
     * so that such work does not need a thread woken to lead it, yet one leader's caller is not held for long.
     */
    private static final int PAST_OWN = 2;

    /**
     * Commits groups until {@code mine} is done (and, past it, up to {@link #PAST_OWN} more while the oldest queued
     * work has no owner); the writer lock is held for each group and let go between them, when the group's waiting
     * owners are woken and its unwaited works' futures complete. True when it stopped with its own work not done,
     * because another leader's group has it.
     */
    private boolean lead(Pending<?> mine, ThreadLocal<List<Runnable>> slot) {
        int past = 0;
        while (true) {
            if (mine.done) {
                Pending<?> head = queue.peek();
                if (head == null || head.owner != null || past++ >= PAST_OWN) {
                    return false;
                }
            }
            if (!oneGroup(slot)) {
                return !mine.done;
            }
        }
    }

    /** Commits one group and wakes or completes its works; false when nothing was queued. */
    private boolean oneGroup(ThreadLocal<List<Runnable>> slot) {
        List<Pending<?>> group = lockedGroup(slot);
        LEADING.set(Boolean.TRUE);
        for (Pending<?> p : group) {
            if (p.owner == null) {
                complete(p);
            } else if (p.owner != Thread.currentThread()) {
                LockSupport.unpark(p.owner);
            }
        }
        return !group.isEmpty();
    }

    /** Set on a thread while it leads: a future it completes may run code that queues grouped work of its own. */
    private static final ThreadLocal<Boolean> LEADING = new ThreadLocal<>();

    /** An unwaited work's future, once its after-commit work (if any: rare) has run on a thread of its own. */
    private static <T> void complete(Pending<T> p) {
        List<Runnable> then = p.afterCommit;
        if (!then.isEmpty()) {
            p.after.execute(() -> {
                then.forEach(Transactions::runSafely);
                finish(p);
            });
            return;
        }
        finish(p);
    }

    private static <T> void finish(Pending<T> p) {
        if (p.failure != null) {
            p.future.completeExceptionally(p.failure);
        } else {
            p.future.complete(p.result);
        }
    }

    /** One group under the writer lock (SQLite). */
    private List<Pending<?>> lockedGroup(ThreadLocal<List<Runnable>> slot) {
        if (serialised) {
            Transactions.WRITER.lock();
        }
        long locked = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            List<Pending<?>> group = commitGroup(slot);
            if (!group.isEmpty()) {
                GROUPS.increment();
                WORKS.add(group.size());
            }
            return group;
        } finally {
            HELD_NANOS.add(System.nanoTime() - locked);
            HELD_CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - cpu);
            if (serialised) {
                Transactions.WRITER.unlock();
            }
        }
    }

    /** Under the writer lock: runs what is queued (the leader's own work among it) in one transaction. */
    private List<Pending<?>> commitGroup(ThreadLocal<List<Runnable>> slot) {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = group.size() < MAX_GROUP ? queue.poll() : null) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return group;
        }
        if (group.size() == 1) {
            alone(group.get(0), slot);
            return group;
        }
        try {
            db.transaction(() -> {
                group.forEach(p -> inside(p, slot));
                return null;
            });
        } catch (RuntimeException | Error e) {
            group.forEach(p -> alone(p, slot));
            return group;
        }
        group.forEach(p -> p.done = true);
        return group;
    }

    private static <T> void inside(Pending<T> p, ThreadLocal<List<Runnable>> slot) {
        p.afterCommit = new ArrayList<>();
        slot.set(p.afterCommit);
        try {
            p.result = p.work.get();
        } finally {
            slot.remove();
        }
    }

    private <T> void alone(Pending<T> p, ThreadLocal<List<Runnable>> slot) {
        try {
            db.transaction(() -> {
                inside(p, slot);
                return null;
            });
        } catch (RuntimeException | Error e) {
            p.failure = e;
            p.afterCommit = List.of();
        }
        p.done = true;
    }
}
