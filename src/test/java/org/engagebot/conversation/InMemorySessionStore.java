package org.engagebot.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in a map, for engine tests; passes {@link SessionStoreContract}. */
final class InMemorySessionStore implements SessionStore {
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> find(long participantId) {
        return Optional.ofNullable(sessions.get(participantId));
    }

    @Override
    public void save(Session session) {
        sessions.put(session.participantId(), session);
    }

    @Override
    public void delete(long participantId) {
        sessions.remove(participantId);
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.updatedAt().isBefore(cutoff));
        return before - sessions.size();
    }
}
