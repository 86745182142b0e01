package org.engagebot.platform;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Group commit for short, self-contained write transactions (an inbound message's store, its engine step). Each
 * caller queues its work and takes the writer lock; whoever gets it first runs everything queued by then in ONE SQLite
 * transaction and commits once, then the others find their work done and return. Every caller still returns only
 * after the commit that holds its work, so what a caller acknowledges is as durable as before; a commit just carries
 * several callers' rows (the pages they share, the inbox's and the outbox's last leaves, are written to the WAL once).
 * If any work in a group throws, or the commit fails, the whole group rolls back and each work runs again alone in its
 * own transaction, so one bad message never takes others down with it. Work therefore runs on whichever thread leads
 * the group, may run twice (once rolled back), and must touch nothing but the database.
 */
final class GroupCommit {
    static final int MAX_GROUP = 32;

    private final TransactionOperations<Connection> tx;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** A queued work and, once its group has committed or it failed alone, its outcome. */
    static final class Pending<T> {
        private final Supplier<T> work;
        private List<Runnable> afterCommit = new ArrayList<>();
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Pending(Supplier<T> work) {
            this.work = work;
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

    /** Runs {@code work} in a group; returns when the group's commit (or its own, after a failure) is done. */
    <T> Pending<T> run(Supplier<T> work, ThreadLocal<List<Runnable>> afterCommitSlot) {
        Pending<T> mine = new Pending<>(work);
        queue.add(mine);
        Transactions.WRITER.lock();
        try {
            if (!mine.done) {
                lead(afterCommitSlot);
            }
        } finally {
            Transactions.WRITER.unlock();
        }
        return mine;
    }

    /** Under the writer lock: runs what is queued (the leader's own work among it) in one transaction. */
    private void lead(ThreadLocal<List<Runnable>> slot) {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = group.size() < MAX_GROUP ? queue.poll() : null) {
            group.add(p);
        }
        if (group.size() == 1) {
            alone(group.get(0), slot);
            return;
        }
        try {
            tx.executeWrite(status -> {
                group.forEach(p -> inside(p, slot));
                return null;
            });
        } catch (RuntimeException | Error e) {
            group.forEach(p -> alone(p, slot));
            return;
        }
        group.forEach(p -> p.done = true);
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
            tx.executeWrite(status -> {
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
