package org.engagebot.conversation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in SQLite; answers (an object of strings) and history (an array of strings) as JSON text, read and
 * written with Jackson's streaming parser and generator: for two flat shapes, data binding cost several times as much
 * and was a tenth of an inbound message's CPU. Columns are named in each query and read by position.
 */
@Singleton
public class JdbcSessionStore implements SessionStore {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String COLUMNS = "participant_id, flow_id, step_id, mode, answers, history, started_at, updated_at";

    private final Db db;

    public JdbcSessionStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(long participantId) {
        Optional<Session> held = SessionPrefetch.take(participantId);
        if (held != null) {
            return held; // read with the participant, in this transaction (Participants.identify)
        }
        return db.one("SELECT " + COLUMNS + " FROM conversation_session WHERE participant_id = ?", JdbcSessionStore::map, participantId);
    }

    /** Inside a PostgreSQL transaction written with the commit's round trip ({@link Db#updateLater}). */
    @Override
    public void save(Session s) {
        SessionPrefetch.forget();
        db.updateLater("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, "
                        + "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO UPDATE SET "
                        + "flow_id = excluded.flow_id, step_id = excluded.step_id, mode = excluded.mode, "
                        + "answers = excluded.answers, history = excluded.history, started_at = excluded.started_at, "
                        + "updated_at = excluded.updated_at",
                s.participantId(), s.flowId(), s.stepId(), s.mode(), writeMap(s.answers()), writeList(s.history()),
                s.startedAt(), s.updatedAt());
    }

    @Override
    public void delete(long participantId) {
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
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, String> map = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, scalar(p.nextToken(), p));
            }
            expect(p.currentToken(), JsonToken.END_OBJECT);
            return map;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt session JSON", e);
        }
    }

    static List<String> readList(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<String> list = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                list.add(scalar(t, p));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt session JSON", e);
        }
    }

    /** A string, or a number or boolean as its text (as data binding to String did). */
    private static String scalar(JsonToken token, JsonParser p) throws IOException {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw new IllegalStateException("Corrupt session JSON: " + token + " where a string belongs");
        }
        return p.getText();
    }

    private static void expect(JsonToken token, JsonToken wanted) {
        if (token != wanted) {
            throw new IllegalStateException("Corrupt session JSON: " + token + " where " + wanted + " belongs");
        }
    }

    static String writeMap(Map<String, String> map) {
        StringWriter out = new StringWriter(32 * map.size() + 2);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : map.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String writeList(List<String> list) {
        StringWriter out = new StringWriter(16 * list.size() + 2);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String item : list) {
                g.writeString(item);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
