package org.engagebot.visits;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The visit tables. Package-private: other features go through {@link VisitService}. */
@Singleton
class VisitStore {
    private static final String OPEN = "('RECEIVED', 'SHORTLISTED', 'SCHEDULED')";

    private final Db db;
    private final JsonMapper json;

    VisitStore(Db db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record NewApplication(VisitReference reference, Long participantId, Long contactId, String channel, Language language,
                          String organisation, String contactName, String email, String phone, String area,
                          Map<String, String> answers, String answersHash, boolean publicityAllowed) {
    }

    int highestSequence(int year) {
        return (int) db.count("SELECT COALESCE(MAX(ref_seq), 0) FROM visit_application WHERE ref_year = ?", year);
    }

    long insert(NewApplication a, Instant now) {
        return db.insert("INSERT INTO visit_application (reference, ref_year, ref_seq, participant_id, contact_id, channel, "
                        + "language, organisation, contact_name, email, phone, area, answers, answers_hash, publicity_allowed, "
                        + "status, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.reference().toString(), a.reference().year(), a.reference().sequence(), a.participantId(),
                a.contactId(), a.channel(), a.language() == null ? null : a.language().code(), a.organisation(),
                a.contactName(), a.email(), a.phone(), a.area(), write(a.answers()), a.answersHash(), a.publicityAllowed(),
                VisitStatus.RECEIVED, now, now);
    }

    Optional<VisitApplication> byId(long id) {
        return db.one("SELECT * FROM visit_application WHERE id = ?", this::map, id);
    }

    /** The same answers sent again since {@code since} by the same participant or for the same organisation. */
    Optional<VisitApplication> identicalSince(String hash, Long participantId, String organisation, Instant since) {
        return db.one("SELECT * FROM visit_application WHERE answers_hash = ? AND submitted_at >= ? "
                        + "AND (participant_id = ? OR lower(organisation) = lower(?)) ORDER BY id DESC LIMIT 1",
                this::map, hash, since, participantId, organisation);
    }

    Optional<VisitApplication> openByEmail(String email) {
        return db.one("SELECT * FROM visit_application WHERE email = ? AND status IN " + OPEN + " ORDER BY id DESC LIMIT 1",
                this::map, email);
    }

    List<VisitApplication> list(VisitStatus status) {
        if (status == null) {
            return db.query("SELECT * FROM visit_application ORDER BY submitted_at DESC, id DESC", this::map);
        }
        return db.query("SELECT * FROM visit_application WHERE status = ? ORDER BY submitted_at DESC, id DESC",
                this::map, status);
    }

    List<VisitApplication> forApplicant(long participantId, Long contactId) {
        return db.query("SELECT * FROM visit_application WHERE participant_id = ? OR (CAST(? AS BIGINT) IS NOT NULL AND contact_id = ?) "
                + "ORDER BY submitted_at DESC, id DESC", this::map, participantId, contactId, contactId);
    }

    /** Applications with the given status whose visit date falls in [from, to). */
    List<VisitApplication> scheduledBetween(VisitStatus status, Instant from, Instant to) {
        return db.query("SELECT * FROM visit_application WHERE status = ? AND scheduled_at >= ? AND scheduled_at < ? "
                + "ORDER BY scheduled_at, id", this::map, status, from, to);
    }

    void updateStatus(long id, DecisionRules.Checked.Accepted d, Instant now) {
        if (d.to() == VisitStatus.SCHEDULED) {
            db.update("UPDATE visit_application SET status = ?, scheduled_at = ?, place = ?, updated_at = ? WHERE id = ?",
                    d.to(), d.scheduledAt(), d.place(), now, id);
        } else if (d.to() == VisitStatus.DECLINED) {
            db.update("UPDATE visit_application SET status = ?, decline_reason = ?, updated_at = ? WHERE id = ?",
                    d.to(), d.note(), now, id);
        } else {
            db.update("UPDATE visit_application SET status = ?, updated_at = ? WHERE id = ?", d.to(), now, id);
        }
    }

    void recordHistory(long visitId, String actor, VisitStatus from, VisitStatus to, String note, Instant now) {
        db.insert("INSERT INTO visit_history (visit_id, actor, from_status, to_status, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                visitId, actor, from == null ? null : from.code(), to.code(), note, now);
    }

    List<VisitHistoryEntry> history(long visitId) {
        return db.query("SELECT * FROM visit_history WHERE visit_id = ? ORDER BY id", rs -> new VisitHistoryEntry(
                rs.getString("actor"), rs.getString("from_status"), rs.getString("to_status"), rs.getString("note"),
                Db.instant(rs, "at")), visitId);
    }

    private VisitApplication map(ResultSet rs) throws SQLException {
        return new VisitApplication(rs.getLong("id"), rs.getString("reference"), Db.nullableLong(rs, "participant_id"),
                Db.nullableLong(rs, "contact_id"), rs.getString("channel"),
                Language.parse(rs.getString("language")).orElse(null), rs.getString("organisation"),
                rs.getString("contact_name"), rs.getString("email"), rs.getString("phone"), rs.getString("area"),
                read(rs.getString("answers")), rs.getInt("publicity_allowed") == 1, VisitStatus.valueOf(rs.getString("status")),
                Db.instant(rs, "scheduled_at"), rs.getString("place"), rs.getString("decline_reason"),
                Db.instant(rs, "submitted_at"));
    }

    private String write(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
