package org.engagebot.conversation;

import java.time.Instant;
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
}
