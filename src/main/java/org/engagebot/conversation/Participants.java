package org.engagebot.conversation;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Identities the bot talks to, one per (channel, address), with the language they chose. */
@Singleton
public class Participants implements ParticipantLanguages {
    /** Named and read by position: looking columns up by name cost more than the query on the inbound path. */
    private static final String COLUMNS = "id, channel, address, language, display_name";
    /** The participant (as {@link #COLUMNS}, then last_seen_at) and its session's columns, if any, from column 7. */
    private static final String IDENTIFY = "SELECT p.id, p.channel, p.address, p.language, p.display_name, p.last_seen_at, "
            + "s.participant_id, s.flow_id, s.step_id, s.mode, s.answers, s.history, s.started_at, s.updated_at "
            + "FROM participant p LEFT JOIN conversation_session s ON s.participant_id = p.id "
            + "WHERE p.channel = ? AND p.address = ?";
    private final Db db;
    private final Clock clock;

    public Participants(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Finds or creates the participant for a channel address; must run inside the inbound transaction. */
    public Participant identify(String channel, String address, String displayName) {
        return identify(channel, address, displayName, null);
    }

    /**
     * PostgreSQL: {@link #identify}'s read, to be sent ahead in the round trip of the statement before it
     * ({@code SenderTurns}), then handed to {@link #identify(String, String, String, Optional)} in the same
     * transaction. Null on SQLite, which reads the participant alone.
     */
    public Db.Query<Seen> lookup(String channel, String address) {
        return db.dialect().postgres() ? new Db.Query<>(IDENTIFY, Participants::seen, channel, address) : null;
    }

    /**
     * As {@link #identify(String, String, String)}, with the participant already read by {@link #lookup} in this
     * transaction after the sender's turn was taken ({@code ahead}; null: read it here).
     */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    public Participant identify(String channel, String address, String displayName, Optional<Seen> ahead) {
        Instant now = clock.instant();
        Optional<Seen> existing = ahead != null ? ahead : db.dialect().postgres()
                // the session comes with it, for the engine's read in this transaction (SessionPrefetch): a round trip fewer
                ? db.one(IDENTIFY, Participants::seen, channel, address)
                : db.one("SELECT " + COLUMNS + ", last_seen_at FROM participant WHERE channel = ? AND address = ?",
                        rs -> new Seen(map(rs), rs.getLong(6), false, null), channel, address);
        if (existing.isPresent()) {
            Seen seen = existing.get();
            if (seen.withSession()) {
                SessionPrefetch.hold(seen.participant().id(), seen.session());
            }
            // at most once a minute: a statement per message that changed nothing cost as much as the lookup
            if (seen.lastSeen() < now.minusSeconds(60).toEpochMilli()) {
                db.updateLater("UPDATE participant SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", now,
                        seen.participant().id(), now.minusSeconds(60));
            }
            return seen.participant();
        }
        long id = db.insert("INSERT INTO participant (channel, address, display_name, created_at, last_seen_at) "
                + "VALUES (?, ?, ?, ?, ?)", channel, address, displayName, now, now);
        if (db.dialect().postgres()) {
            SessionPrefetch.hold(id, null); // a participant just made has no session
        }
        return new Participant(id, channel, address, null, displayName);
    }

    /** A participant as read, with its session when the read joined it ({@code withSession}; session null: none). */
    public record Seen(Participant participant, long lastSeen, boolean withSession, Session session) {
    }

    private static Seen seen(java.sql.ResultSet rs) throws java.sql.SQLException {
        Participant p = map(rs);
        long lastSeen = rs.getLong(6);
        rs.getLong(7);
        return new Seen(p, lastSeen, true, rs.wasNull() ? null : JdbcSessionStore.map(rs, 7));
    }

    public Optional<Participant> find(String channel, String address) {
        return db.one("SELECT " + COLUMNS + " FROM participant WHERE channel = ? AND address = ?", Participants::map, channel, address);
    }

    public Optional<Participant> byId(long id) {
        return db.one("SELECT " + COLUMNS + " FROM participant WHERE id = ?", Participants::map, id);
    }

    @Override
    public void setLanguage(long participantId, Language language) {
        db.update("UPDATE participant SET language = ? WHERE id = ?", language.code(), participantId);
    }

    private static Participant map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Participant(rs.getLong(1), rs.getString(2), rs.getString(3),
                Language.parse(rs.getString(4)).orElse(null), rs.getString(5));
    }
}
