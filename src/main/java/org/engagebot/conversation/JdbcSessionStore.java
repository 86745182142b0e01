package org.engagebot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions in SQLite; answers and history as JSON text. */
@Singleton
public class JdbcSessionStore implements SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Readers and writer resolved once: resolving the type on every call was a third of reading a session. */
    private static final ObjectReader MAP = JSON.readerFor(new TypeReference<Map<String, String>>() { });
    private static final ObjectReader LIST = JSON.readerFor(new TypeReference<List<String>>() { });
    private static final ObjectWriter WRITER = JSON.writer();

    private final Db db;

    public JdbcSessionStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(long participantId) {
        return db.one("SELECT * FROM conversation_session WHERE participant_id = ?", JdbcSessionStore::map, participantId);
    }

    @Override
    public void save(Session s) {
        db.update("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, "
                        + "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO UPDATE SET "
                        + "flow_id = excluded.flow_id, step_id = excluded.step_id, mode = excluded.mode, "
                        + "answers = excluded.answers, history = excluded.history, started_at = excluded.started_at, "
                        + "updated_at = excluded.updated_at",
                s.participantId(), s.flowId(), s.stepId(), s.mode(), write(s.answers()), write(s.history()),
                s.startedAt(), s.updatedAt());
    }

    @Override
    public void delete(long participantId) {
        db.update("DELETE FROM conversation_session WHERE participant_id = ?", participantId);
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        return db.update("DELETE FROM conversation_session WHERE updated_at < ?", cutoff);
    }

    @Override
    public List<Session> unremindedIdleSince(Instant cutoff, int limit) {
        return db.query("SELECT * FROM conversation_session WHERE updated_at < ? AND (reminded_at IS NULL "
                + "OR reminded_at < updated_at) ORDER BY updated_at LIMIT ?", JdbcSessionStore::map, cutoff, limit);
    }

    @Override
    public void markReminded(long participantId, Instant at) {
        db.update("UPDATE conversation_session SET reminded_at = ? WHERE participant_id = ?", at, participantId);
    }

    @Override
    public List<Session> idleSince(Instant cutoff, int limit) {
        return db.query("SELECT * FROM conversation_session WHERE updated_at < ? ORDER BY updated_at LIMIT ?",
                JdbcSessionStore::map, cutoff, limit);
    }

    private static Session map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Session(rs.getLong("participant_id"), rs.getString("flow_id"), rs.getString("step_id"),
                Session.Mode.valueOf(rs.getString("mode")), read(rs.getString("answers"), MAP),
                read(rs.getString("history"), LIST), Db.instant(rs, "started_at"), Db.instant(rs, "updated_at"));
    }

    private static <T> T read(String json, ObjectReader type) {
        try {
            return type.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt session JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
