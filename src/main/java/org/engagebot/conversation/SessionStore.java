package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live between messages. At most one session per participant. Implementations join the
 * caller's transaction, so a session changes only if the whole inbound step commits.
 * Contract: {@code SessionStoreContract}.
 */
public interface SessionStore {

    Optional<Session> find(long participantId);

    void save(Session session);

    void delete(long participantId);

    /** Removes sessions idle since before {@code cutoff}; returns how many. */
    int deleteIdleSince(Instant cutoff);

    /**
     * Sessions idle since before {@code cutoff} that have not been reminded since they were last used, oldest
     * first, at most {@code limit}.
     */
    default List<Session> unremindedIdleSince(Instant cutoff, int limit) {
        return List.of();
    }

    /** Notes a reminder; it counts until the session is next used (saved with a later updatedAt). */
    default void markReminded(long participantId, Instant at) {
    }

    /** Sessions idle since before {@code cutoff}, oldest first, at most {@code limit}. */
    default List<Session> idleSince(Instant cutoff, int limit) {
        return List.of();
    }
}
