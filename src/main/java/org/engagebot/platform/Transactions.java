package org.engagebot.platform;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * SQLite has one writer. Letting many threads race for it means losers sleep in SQLite's busy handler
 * (up to 100 ms a try), which wrecks tail latency. So every write transaction, and every autocommit write
 * through {@link Db}, takes this one fair JVM lock first: writers queue in memory and SQLite never sees
 * contention. Reads take no lock (WAL lets them run beside the writer).
 * Use {@link #write} for any transaction that writes; never hold it while calling out to the network.
 */
@Singleton
public class Transactions {
    static final ReentrantLock WRITER = new ReentrantLock(true);

    private final TransactionOperations<Connection> tx;

    public Transactions(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    public <T> T write(Supplier<T> work) {
        WRITER.lock();
        try {
            return tx.executeWrite(status -> work.get());
        } finally {
            WRITER.unlock();
        }
    }

    public void run(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }
}
