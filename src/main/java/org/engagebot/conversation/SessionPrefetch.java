package org.engagebot.conversation;

import org.engagebot.platform.Db;

import java.util.Optional;

/**
 * A participant's session read in the same statement as the participant ({@link Participants#identify}), held for
 * the session store's next {@code find} of that participant in the same transaction: on PostgreSQL one round trip
 * fewer a message. Only for that transaction (a held session is never served to another), taken at most once, and
 * forgotten when the store writes a session.
 */
final class SessionPrefetch {
    private record Held(Object transaction, long participantId, Session session) {
    }

    private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

    private SessionPrefetch() {
    }

    /** Holds what was read ({@code session} null: none) when a transaction is open; else nothing. */
    static void hold(long participantId, Session session) {
        Object transaction = Db.transactionKey();
        if (transaction == null) {
            HELD.remove();
            return;
        }
        HELD.set(new Held(transaction, participantId, session));
    }

    /** What was held for this participant in this transaction (empty optional: no session), or null: read it. */
    @SuppressWarnings("OptionalAssignedToNull")
    static Optional<Session> take(long participantId) {
        Held held = HELD.get();
        if (held == null) {
            return null;
        }
        HELD.remove();
        if (held.participantId() != participantId || held.transaction() != Db.transactionKey()) {
            return null;
        }
        return Optional.ofNullable(held.session());
    }

    static void forget() {
        HELD.remove();
    }
}
