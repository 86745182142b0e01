package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The event table. Package-private: other features go through {@link EventService}. */
@Singleton
class EventStore {
    private final Db db;

    EventStore(Db db) {
        this.db = db;
    }

    long insert(NewEvent e, String reference, String actor, Instant now) {
        return db.insert("INSERT INTO event (reference, title_en, title_cy, description_en, description_cy, starts_at, "
                        + "ends_at, place, access_en, access_cy, online_url, capacity, audience, questions_close_at, "
                        + "needs_translation, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reference, e.title().en(), e.title().cy(), e.description().en(), e.description().cy(), e.startsAt(),
                e.endsAt(), e.place(), e.access() == null ? null : e.access().en(),
                e.access() == null ? null : e.access().cy(), e.online(), e.capacity(), Outbox.json(e.audience()),
                e.questionsCloseAt(), e.needsTranslation(), actor, now);
    }

    /** The next reference of a year: EVT-2026-01, EVT-2026-02, ... */
    String nextReference(int year) {
        String prefix = "EVT-" + year + "-";
        long taken = db.count("SELECT count(*) FROM event WHERE reference LIKE ?", prefix + "%");
        return prefix + String.format("%02d", taken + 1);
    }

    Optional<Event> byId(long id) {
        return db.one("SELECT * FROM event WHERE id = ?", EventStore::map, id);
    }

    Optional<Event> byReference(String reference) {
        return db.one("SELECT * FROM event WHERE lower(reference) = lower(?)", EventStore::map, reference);
    }

    List<Event> all() {
        return db.query("SELECT * FROM event ORDER BY starts_at DESC, id DESC", EventStore::map);
    }

    /** Invited events that have not started, soonest first. */
    List<Event> upcoming(Instant now) {
        return db.query("SELECT * FROM event WHERE invited_at IS NOT NULL AND starts_at > ? ORDER BY starts_at, id",
                EventStore::map, now);
    }

    /** Marks it invited; false when it already was (so invitations go once). */
    boolean markInvited(long id, Instant now) {
        return db.update("UPDATE event SET invited_at = ? WHERE id = ? AND invited_at IS NULL", now, id) == 1;
    }

    /** Invited events starting after now + {@code after} and within now + {@code before}, whose reminder has not gone. */
    List<Event> dueForReminder(String column, Instant now, Duration after, Duration before) {
        return db.query("SELECT * FROM event WHERE invited_at IS NOT NULL AND " + column + " IS NULL AND starts_at > ? "
                + "AND starts_at <= ?", EventStore::map, now.plus(after), now.plus(before));
    }

    /** Marks a reminder sent; false when another run already did. */
    boolean markReminded(long id, String column, Instant now) {
        return db.update("UPDATE event SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL", now, id) == 1;
    }

    void setRecord(long id, String notes, String recordingUrl) {
        db.update("UPDATE event SET notes = ?, recording_url = ? WHERE id = ?", notes, recordingUrl, id);
    }

    /** Records the feedback; false when it was already given. */
    boolean setFeedback(long id, Text feedback, Instant now) {
        return db.update("UPDATE event SET feedback_en = ?, feedback_cy = ?, feedback_at = ? WHERE id = ? "
                + "AND feedback_at IS NULL", feedback.en(), feedback.cy(), now, id) == 1;
    }

    private static Event map(ResultSet rs) throws SQLException {
        String audience = rs.getString("audience");
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Event(rs.getLong("id"), rs.getString("reference"), text(rs, "title"), text(rs, "description"),
                Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"), rs.getString("place"), text(rs, "access"),
                rs.getString("online_url"), cap, audience == null ? Audience.EVERYONE : Outbox.read(audience, Audience.class),
                Db.instant(rs, "questions_close_at"), rs.getInt("needs_translation") == 1, Db.instant(rs, "invited_at"),
                rs.getString("notes"), rs.getString("recording_url"), text(rs, "feedback"), Db.instant(rs, "feedback_at"),
                rs.getString("created_by"), Db.instant(rs, "created_at"));
    }

    private static Text text(ResultSet rs, String column) throws SQLException {
        String en = rs.getString(column + "_en");
        String cy = rs.getString(column + "_cy");
        return en == null || cy == null ? null : new Text(en, cy);
    }
}
