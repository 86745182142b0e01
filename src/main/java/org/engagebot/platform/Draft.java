package org.engagebot.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work computed outside SQLite's one writer lock and written under it afterwards, so that the CPU a step costs
 * (reading an answer, choosing the next question, wording the reply) no longer queues every other writer behind it.
 * While a draft is open on a thread, the thread reads as usual but must not write: a write through {@link Db} or
 * {@link Transactions} throws {@link Refused} and marks the draft refused, and the caller does the work again the
 * usual way, under the lock (so only what a store knows how to hold back can be drafted). A store that can hold a
 * change back (the conversation's session and language) records it as a {@link Part} instead of writing. Under the
 * lock the caller checks that every part still {@link #holds} (what it was drafted from has not changed since) and
 * {@link #apply applies} them, in the transaction that also records the step's outcome; if one does not hold, the
 * draft is thrown away and the work done again under the lock.
 */
public final class Draft {
    private static final ThreadLocal<Draft> OPEN = new ThreadLocal<>();
    private static final LongAdder ATTEMPTED = new LongAdder();
    private static final LongAdder REFUSED = new LongAdder();
    private static final LongAdder STALE = new LongAdder();

    /** A change held back by a store. */
    public interface Part {
        /** Under the lock: true when what the part was drafted from is still as it was read. */
        boolean holds();

        /** Under the lock, inside the transaction: writes the change. */
        void apply();

        /** Before the lock, once the work is done: works out what {@link #apply} will bind (JSON, say). */
        default void prepare() {
        }
    }

    /** A write attempted while a draft is open: the draft cannot be used. */
    public static final class Refused extends RuntimeException {
        Refused(String what) {
            super("write inside a draft: " + what, null, false, false);
        }
    }

    /** For benchmarks: drafts attempted, refused (they wrote or failed) and stale (a part no longer held). */
    public record Figures(long attempted, long refused, long stale) {
        public Figures since(Figures before) {
            return new Figures(attempted - before.attempted, refused - before.refused, stale - before.stale);
        }
    }

    public static Figures figures() {
        return new Figures(ATTEMPTED.sum(), REFUSED.sum(), STALE.sum());
    }

    /** What the work returned and the changes it held back. */
    public record Drafted<T>(T value, Draft draft) {
    }

    private final Map<Object, Part> parts = new LinkedHashMap<>();
    private boolean refused;

    private Draft() {
    }

    /**
     * Runs {@code work} as a draft: what it returned with what it held back, or empty when it tried to write or
     * failed (it then wrote nothing, and the caller does it again the usual way, where a failure is handled).
     */
    public static <T> Optional<Drafted<T>> attempt(Supplier<T> work) {
        if (OPEN.get() != null || Db.inTransaction()) {
            throw new IllegalStateException("a draft inside a draft or a transaction");
        }
        Draft draft = new Draft();
        OPEN.set(draft);
        ATTEMPTED.increment();
        try {
            T value = work.get();
            // a refusal caught and swallowed inside the work still spoils what the work went on to decide
            if (draft.refused) {
                REFUSED.increment();
                return Optional.empty();
            }
            draft.parts.values().forEach(Part::prepare);
            return Optional.of(new Drafted<>(value, draft));
        } catch (RuntimeException e) {
            REFUSED.increment();
            return Optional.empty();
        } finally {
            OPEN.remove();
        }
    }

    /** The draft open on this thread, or null. */
    public static Draft current() {
        return OPEN.get();
    }

    /** The part held under {@code key}, made by {@code create} the first time. */
    @SuppressWarnings("unchecked")
    public <P extends Part> P part(Object key, Function<Object, P> create) {
        return (P) parts.computeIfAbsent(key, create);
    }

    /** Under the lock: true when every part still holds. */
    public boolean holds() {
        for (Part part : parts.values()) {
            if (!part.holds()) {
                STALE.increment();
                return false;
            }
        }
        return true;
    }

    /** Under the lock, inside the transaction: writes every part, in the order first touched. */
    public void apply() {
        parts.values().forEach(Part::apply);
    }

    /** Called by every write path: throws when a draft is open on this thread. */
    static void refuseWrite(String what) {
        Draft open = OPEN.get();
        if (open != null) {
            open.refused = true;
            throw new Refused(what);
        }
    }
}
