package org.engagebot.conversation;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Draft;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in SQLite; answers (an object of strings) and history (an array of strings) as JSON text
 * ({@link SessionJson}). Columns are named in each query and read by position.
 */
@Singleton
public class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = "participant_id, flow_id, step_id, mode, answers, history, started_at, updated_at";

    private final Db db;

    public JdbcSessionStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(long participantId) {
        Draft draft = Draft.current();
        return draft == null ? read(participantId) : held(draft, participantId).now;
    }

    private Optional<Session> read(long participantId) {
        Optional<Session> held = SessionPrefetch.take(participantId);
        if (held != null) {
            return held; // read with the participant, in this transaction (Participants.identify)
        }
        return db.one("SELECT " + COLUMNS + " FROM conversation_session WHERE participant_id = ?", JdbcSessionStore::map, participantId);
    }

    /** Inside a PostgreSQL transaction written with the commit's round trip ({@link Db#updateLater}). */
    @Override
    public void save(Session s) {
        Draft draft = Draft.current();
        if (draft != null) {
            held(draft, s.participantId()).now = Optional.of(s);
            return;
        }
        write(s);
    }

    private void write(Session s) {
        write(s, writeMap(s.answers()), writeList(s.history()));
    }

    private void write(Session s, String answers, String history) {
        SessionPrefetch.forget();
        db.updateLater("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, "
                        + "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO UPDATE SET "
                        + "flow_id = excluded.flow_id, step_id = excluded.step_id, mode = excluded.mode, "
                        + "answers = excluded.answers, history = excluded.history, started_at = excluded.started_at, "
                        + "updated_at = excluded.updated_at",
                s.participantId(), s.flowId(), s.stepId(), s.mode(), answers, history, s.startedAt(), s.updatedAt());
    }

    @Override
    public void delete(long participantId) {
        Draft draft = Draft.current();
        if (draft != null) {
            held(draft, participantId).now = Optional.empty();
            return;
        }
        SessionPrefetch.forget();
        db.update("DELETE FROM conversation_session WHERE participant_id = ?", participantId);
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        SessionPrefetch.forget();
        return db.update("DELETE FROM conversation_session WHERE updated_at < ?", cutoff);
    }

    @Override
    public List<Session> unremindedIdleSince(Instant cutoff, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM conversation_session WHERE updated_at < ? AND (reminded_at IS NULL "
                + "OR reminded_at < updated_at) ORDER BY updated_at LIMIT ?", JdbcSessionStore::map, cutoff, limit);
    }

    @Override
    public void markReminded(long participantId, Instant at) {
        SessionPrefetch.forget();
        db.update("UPDATE conversation_session SET reminded_at = ? WHERE participant_id = ?", at, participantId);
    }

    @Override
    public List<Session> idleSince(Instant cutoff, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM conversation_session WHERE updated_at < ? ORDER BY updated_at LIMIT ?",
                JdbcSessionStore::map, cutoff, limit);
    }

    private HeldSession held(Draft draft, long participantId) {
        return draft.part(new HeldKey(participantId), key -> {
            Optional<Stored> stored = stored(participantId, true);
            return new HeldSession(participantId, stored, stored.map(Stored::session));
        });
    }

    /** A session row as stored (its JSON as text, to compare without parsing) and as read. */
    private record Stored(String flowId, String stepId, String mode, String answers, String history, long startedAt,
                          long updatedAt, Session session) {
        boolean same(Stored other) {
            return updatedAt == other.updatedAt && startedAt == other.startedAt && flowId.equals(other.flowId)
                    && java.util.Objects.equals(stepId, other.stepId) && mode.equals(other.mode)
                    && answers.equals(other.answers) && history.equals(other.history);
        }
    }

    /** The stored row, its text as stored and, when {@code parse}, as a session. */
    private Optional<Stored> stored(long participantId, boolean parse) {
        return db.one("SELECT " + COLUMNS + " FROM conversation_session WHERE participant_id = ?",
                rs -> new Stored(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getLong(7), rs.getLong(8), parse ? map(rs) : null), participantId);
    }

    private record HeldKey(long participantId) {
    }

    /**
     * A session touched in a draft: read once from the database, then held here (later reads in the draft see its
     * changes); written under the lock if the stored row is still, byte for byte, the one read.
     */
    private final class HeldSession implements Draft.Part {
        private final long participantId;
        private final Optional<Stored> read;
        private final Optional<Session> before;
        private Optional<Session> now;
        private String answers;
        private String history;

        HeldSession(long participantId, Optional<Stored> read, Optional<Session> before) {
            this.participantId = participantId;
            this.read = read;
            this.before = before;
            this.now = before;
        }

        @Override
        public boolean holds() {
            Optional<Stored> current = stored(participantId, false);
            return current.isPresent() == read.isPresent() && (current.isEmpty() || current.get().same(read.get()));
        }

        @Override
        public void prepare() {
            if (now.isPresent() && !now.equals(before)) {
                answers = writeMap(now.get().answers());
                history = writeList(now.get().history());
            }
        }

        @Override
        public void apply() {
            if (now.equals(before)) {
                return;
            }
            if (now.isPresent()) {
                write(now.get(), answers, history);
            } else {
                db.update("DELETE FROM conversation_session WHERE participant_id = ?", participantId);
            }
        }
    }

    private static Session map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return map(rs, 1);
    }

    /** The session whose {@link #COLUMNS} start at column {@code first} (Participants reads them beside its own). */
    static Session map(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        long started = rs.getLong(first + 6);
        Instant startedAt = rs.wasNull() ? null : Instant.ofEpochMilli(started);
        long updated = rs.getLong(first + 7);
        Instant updatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(updated);
        return new Session(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                Session.Mode.valueOf(rs.getString(first + 3)), readMap(rs.getString(first + 4)),
                readList(rs.getString(first + 5)), startedAt, updatedAt);
    }

    static Map<String, String> readMap(String json) {
        return SessionJson.readMap(json);
    }

    static List<String> readList(String json) {
        return SessionJson.readList(json);
    }

    static String writeMap(Map<String, String> map) {
        return SessionJson.writeMap(map);
    }

    static String writeList(List<String> list) {
        return SessionJson.writeList(list);
    }
}
