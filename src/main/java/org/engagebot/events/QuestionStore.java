package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The event_question table. Joins the caller's transaction. */
@Singleton
class QuestionStore {
    private final Db db;

    QuestionStore(Db db) {
        this.db = db;
    }

    long insert(long eventId, Person p, String text, boolean late, Long inboxId, Instant now) {
        return db.insert("INSERT INTO event_question (event_id, person_key, contact_id, participant_id, via, channel, "
                        + "address, language, name, email, telegram, text, late, inbox_id, received_at) VALUES (?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId, p.key(), p.contactId(), p.participantId(), p.via(), p.channel(),
                p.address(),
                p.language() == null ? null : p.language().code(), p.name(), p.email(), p.telegram(), text, late, inboxId, now);
    }

    boolean seenInbox(long inboxId) {
        return db.count("SELECT count(*) FROM event_question WHERE inbox_id = ?", inboxId) > 0;
    }

    /** By theme (unthemed last), then as they came. */
    List<Question> all(long eventId) {
        return db.query("SELECT * FROM event_question WHERE event_id = ? ORDER BY theme IS NULL, lower(theme), id",
                QuestionStore::map, eventId);
    }

    Optional<Question> byId(long eventId, long id) {
        return db.one("SELECT * FROM event_question WHERE event_id = ? AND id = ?", QuestionStore::map, eventId, id);
    }

    boolean update(long eventId, long id, String theme, Instant answeredAt) {
        return db.update("UPDATE event_question SET theme = ?, answered_at = ? WHERE event_id = ? AND id = ?", theme,
                answeredAt, eventId, id) == 1;
    }

    /** The latest question of each person who asked one in time, with a way to reach them. */
    List<Question> askers(long eventId) {
        return db.query("SELECT * FROM event_question q WHERE event_id = ? AND late = 0 AND id = (SELECT max(id) FROM "
                + "event_question x WHERE x.event_id = q.event_id AND x.person_key = q.person_key AND x.late = 0) ORDER BY id",
                QuestionStore::map, eventId);
    }

    void markFeedbackSent(long id, Instant now) {
        db.update("UPDATE event_question SET feedback_sent_at = ? WHERE id = ?", now, id);
    }

    private static Question map(ResultSet rs) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("event_id"), RsvpStore.person(rs), rs.getString("text"),
                rs.getString("theme"), rs.getInt("late") == 1, Db.instant(rs, "answered_at"), Db.instant(rs, "received_at"));
    }
}
