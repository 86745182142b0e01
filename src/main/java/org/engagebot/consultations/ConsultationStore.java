package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The consultation table. Package-private: other features go through {@link ConsultationService}. */
@Singleton
class ConsultationStore {
    private final Db db;

    ConsultationStore(Db db) {
        this.db = db;
    }

    long insert(NewConsultation c, String reference, String actor, Instant now) {
        return db.insert("INSERT INTO consultation (reference, title_en, title_cy, summary_en, summary_cy, can_change_en, "
                        + "can_change_cy, cannot_change_en, cannot_change_cy, short_reason_en, short_reason_cy, questions, "
                        + "audience, needs_translation, status, opens_at, closes_at, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)",
                reference, c.title().en(), c.title().cy(), c.summary().en(), c.summary().cy(), en(c.canChange()),
                cy(c.canChange()), en(c.cannotChange()), cy(c.cannotChange()), en(c.shortReason()), cy(c.shortReason()),
                Outbox.json(c.questions()), Outbox.json(c.audience()), c.needsTranslation(), c.opensAt(), c.closesAt(),
                actor, now);
    }

    /** The next reference for a year: CON-2026-01, CON-2026-02, ... */
    String nextReference(int year) {
        String prefix = "CON-" + year + "-";
        long taken = db.count("SELECT count(*) FROM consultation WHERE reference LIKE ?", prefix + "%");
        return prefix + String.format("%02d", taken + 1);
    }

    Optional<Consultation> byId(long id) {
        return db.one("SELECT * FROM consultation WHERE id = ?", ConsultationStore::map, id);
    }

    Optional<Consultation> byReference(String reference) {
        return db.one("SELECT * FROM consultation WHERE lower(reference) = lower(?)", ConsultationStore::map, reference);
    }

    List<Consultation> all() {
        return db.query("SELECT * FROM consultation ORDER BY id DESC", ConsultationStore::map);
    }

    List<Consultation> published() {
        return db.query("SELECT * FROM consultation WHERE status = 'PUBLISHED' ORDER BY closes_at, id", ConsultationStore::map);
    }

    /** Marks it published; false when it already was (so invitations go once). */
    boolean markPublished(long id, Instant now) {
        return db.update("UPDATE consultation SET status = 'PUBLISHED', published_at = ? WHERE id = ? AND status = 'DRAFT'",
                now, id) == 1;
    }

    /** Published consultations whose reminder is due (closing within {@code before}) and not yet sent. */
    List<Consultation> dueForReminder(Instant now, java.time.Duration before) {
        return db.query("SELECT * FROM consultation WHERE status = 'PUBLISHED' AND reminded_at IS NULL AND closes_at > ? "
                + "AND closes_at <= ?", ConsultationStore::map, now, now.plus(before));
    }

    void markReminded(long id, Instant now) {
        db.update("UPDATE consultation SET reminded_at = ? WHERE id = ?", now, id);
    }

    /** Records the outcome; false when one was already recorded. */
    boolean setOutcome(long id, Text outcome, Instant now) {
        return db.update("UPDATE consultation SET outcome_en = ?, outcome_cy = ?, outcome_at = ? WHERE id = ? "
                + "AND outcome_at IS NULL", outcome.en(), outcome.cy(), now, id) == 1;
    }

    private static Consultation map(ResultSet rs) throws SQLException {
        String audience = rs.getString("audience");
        return new Consultation(rs.getLong("id"), rs.getString("reference"), text(rs, "title"), text(rs, "summary"),
                text(rs, "can_change"), text(rs, "cannot_change"), text(rs, "short_reason"),
                Arrays.asList(Outbox.read(rs.getString("questions"), Question[].class)),
                audience == null ? Audience.EVERYONE : Outbox.read(audience, Audience.class),
                rs.getInt("needs_translation") == 1, Consultation.Status.valueOf(rs.getString("status")),
                Db.instant(rs, "opens_at"), Db.instant(rs, "closes_at"), Db.instant(rs, "published_at"),
                text(rs, "outcome"), Db.instant(rs, "outcome_at"), rs.getString("created_by"), Db.instant(rs, "created_at"));
    }

    private static Text text(ResultSet rs, String column) throws SQLException {
        String en = rs.getString(column + "_en");
        String cy = rs.getString(column + "_cy");
        return en == null || cy == null ? null : new Text(en, cy);
    }

    private static String en(Text t) {
        return t == null ? null : t.en();
    }

    private static String cy(Text t) {
        return t == null ? null : t.cy();
    }
}
