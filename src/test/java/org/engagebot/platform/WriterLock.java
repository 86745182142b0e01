package org.engagebot.platform;

import java.util.concurrent.Callable;

/**
 * For benchmarks: runs work holding the service's one writer lock, as every write of the service does, so that the WAL
 * checkpointer's pass under that lock can catch up with a raw write loop as it does with the service's writes.
 */
public final class WriterLock {
    private WriterLock() {
    }

    public static <T> T holding(Callable<T> work) throws Exception {
        Transactions.WRITER.lock();
        try {
            return work.call();
        } finally {
            Transactions.WRITER.unlock();
        }
    }

    /** Grouped commits so far ({@link Transactions#grouped}): groups, the works in them, and the lock's hold time. */
    public record Groups(long groups, long works, long heldNanos, long heldCpuNanos) {
        public Groups since(Groups before) {
            return new Groups(groups - before.groups, works - before.works, heldNanos - before.heldNanos,
                    heldCpuNanos - before.heldCpuNanos);
        }
    }

    public static Groups groups() {
        return new Groups(GroupCommit.GROUPS.sum(), GroupCommit.WORKS.sum(), GroupCommit.HELD_NANOS.sum(),
                GroupCommit.HELD_CPU_NANOS.sum());
    }
}
