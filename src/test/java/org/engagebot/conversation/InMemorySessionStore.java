package org.engagebot.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in a map, for engine tests; passes {@link SessionStoreContract}. */
final class InMemorySessionStore implements SessionStore {
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Instant> reminded = new ConcurrentHashMap<>();

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
    public List<Session> unremindedIdleSince(Instant cutoff, int limit) {
        return idleSince(cutoff, Integer.MAX_VALUE).stream().filter(s -> !reminded.containsKey(s.participantId())
                || reminded.get(s.participantId()).isBefore(s.updatedAt())).limit(limit).toList();
    }

    @Override
    public void markReminded(long participantId, Instant at) {
        if (sessions.containsKey(participantId)) {
            reminded.put(participantId, at);
        }
    }

    @Override
    public List<Session> idleSince(Instant cutoff, int limit) {
        return sessions.values().stream().filter(s -> s.updatedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Session::updatedAt)).limit(limit).toList();
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.updatedAt().isBefore(cutoff));
        return before - sessions.size();
    }
}
