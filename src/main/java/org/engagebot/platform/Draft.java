package org.engagebot.platform;

/**
 * A step worked out ahead, outside the writer lock, from what is already known in memory (an inbound chat step drafted
 * from cached participant and session rows). While a draft runs on a thread, anything that would reach the database
 * or outside the process ({@link Db}'s statements, {@link Transactions}' writes and after-commit work, a flow's
 * action, a feature's command) {@linkplain #refuse refuses} it: the draft is dropped and the step runs as before,
 * under the lock. So a draft can only be a pure function of what it was given, and it is safe to throw away.
 */
public final class Draft {
    /** While a draft runs: whether anything was refused (code that caught the refusal must not save the draft). */
    private static final ThreadLocal<boolean[]> ACTIVE = new ThreadLocal<>();

    private Draft() {
    }

    /** Thrown where a draft meets something it may not do; no state has changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String what) {
            super(what, null, false, false); // no stack: it is control flow, taken on purpose
        }
    }

    public static boolean active() {
        return ACTIVE.get() != null;
    }

    /** Throws {@link Refused} when a draft runs on this thread. */
    public static void refuse(String what) {
        boolean[] refused = ACTIVE.get();
        if (refused != null) {
            refused[0] = true;
            throw new Refused(what);
        }
    }

    /** Runs {@code work} as a draft on this thread; throws {@link Refused} if it was refused anything, even if caught. */
    public static <T> T run(java.util.function.Supplier<T> work) {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("a draft inside a draft");
        }
        boolean[] refused = new boolean[1];
        ACTIVE.set(refused);
        try {
            T result = work.get();
            if (refused[0]) {
                throw new Refused("refused inside, and caught");
            }
            return result;
        } finally {
            ACTIVE.remove();
        }
    }
}
