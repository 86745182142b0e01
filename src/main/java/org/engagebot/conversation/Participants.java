package org.engagebot.conversation;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Draft;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Identities the bot talks to, one per (channel, address), with the language they chose. */
@Singleton
public class Participants implements ParticipantLanguages {
    /** Named and read by position: looking columns up by name cost more than the query on the inbound path. */
    private static final String COLUMNS = "id, channel, address, language, display_name";
    private final Db db;
    private final Clock clock;

    public Participants(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Finds or creates the participant for a channel address; must run inside the inbound transaction. */
    public Participant identify(String channel, String address, String displayName) {
        Instant now = clock.instant();
        Optional<Seen> existing = db.one("SELECT " + COLUMNS + ", last_seen_at FROM participant WHERE channel = ? AND address = ?",
                rs -> new Seen(map(rs), rs.getLong(6)), channel, address);
        if (existing.isPresent()) {
            // at most once a minute: a statement per message that changed nothing cost as much as the lookup
            if (existing.get().lastSeen() < now.minusSeconds(60).toEpochMilli()) {
                db.update("UPDATE participant SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", now,
                        existing.get().participant().id(), now.minusSeconds(60));
            }
            return existing.get().participant();
        }
        long id = db.insert("INSERT INTO participant (channel, address, display_name, created_at, last_seen_at) "
                + "VALUES (?, ?, ?, ?, ?)", channel, address, displayName, now, now);
        return new Participant(id, channel, address, null, displayName);
    }

    private record Seen(Participant participant, long lastSeen) {
    }

    public Optional<Participant> find(String channel, String address) {
        return db.one("SELECT " + COLUMNS + " FROM participant WHERE channel = ? AND address = ?", Participants::map, channel, address);
    }

    public Optional<Participant> byId(long id) {
        return db.one("SELECT " + COLUMNS + " FROM participant WHERE id = ?", Participants::map, id);
    }

    @Override
    public void setLanguage(long participantId, Language language) {
        Draft draft = Draft.current();
        if (draft != null) {
            draft.part(new LanguageKey(participantId), key -> new HeldLanguage(participantId)).chosen = language;
            return;
        }
        db.update("UPDATE participant SET language = ? WHERE id = ?", language.code(), participantId);
    }

    private record LanguageKey(long participantId) {
    }

    /** A language chosen in a draft, written with the drafted step (whose participant is checked unchanged then). */
    private final class HeldLanguage implements Draft.Part {
        private final long participantId;
        private Language chosen;

        HeldLanguage(long participantId) {
            this.participantId = participantId;
        }

        @Override
        public boolean holds() {
            return true;
        }

        @Override
        public void apply() {
            setLanguage(participantId, chosen);
        }
    }

    private static Participant map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Participant(rs.getLong(1), rs.getString(2), rs.getString(3),
                Language.parse(rs.getString(4)).orElse(null), rs.getString(5));
    }
}
