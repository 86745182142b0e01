package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailAuthentication;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitees and responses. Package-private: other features go through {@link ConsultationService}. */
@Singleton
class ResponseStore {
    private final Db db;

    ResponseStore(Db db) {
        this.db = db;
    }

    /** Adds an invitee; empty when this address was already invited to this consultation. */
    Optional<Long> invite(long consultationId, Long contactId, String channel, String address, Language language,
                          String token, Instant now) {
        int n = db.update("INSERT INTO consultation_invitee (consultation_id, contact_id, channel, address, language, "
                + "reply_token, invited_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consultation_id, channel, address) "
                + "DO NOTHING", consultationId, contactId, channel, address, language == null ? null : language.code(),
                token, now);
        return n == 0 ? Optional.empty() : db.one("SELECT id FROM consultation_invitee WHERE reply_token = ?",
                rs -> rs.getLong(1), token);
    }

    Optional<Invitee> inviteeByToken(String token) {
        return db.one("SELECT * FROM consultation_invitee WHERE reply_token = ?", ResponseStore::invitee, token);
    }

    Optional<Invitee> invitee(long consultationId, String channel, String address) {
        return db.one("SELECT * FROM consultation_invitee WHERE consultation_id = ? AND channel = ? AND address = ?",
                ResponseStore::invitee, consultationId, channel, address);
    }

    /** Invitees not yet reminded who have not responded on any channel (matched by invitee or contact). */
    List<Invitee> unanswered(long consultationId) {
        return db.query("SELECT i.* FROM consultation_invitee i WHERE i.consultation_id = ? AND i.reminded_at IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM consultation_response r WHERE r.consultation_id = i.consultation_id "
                + "AND (r.invitee_id = i.id OR (i.contact_id IS NOT NULL AND r.contact_id = i.contact_id)))",
                ResponseStore::invitee, consultationId);
    }

    void markReminded(long inviteeId, Instant now) {
        db.update("UPDATE consultation_invitee SET reminded_at = ? WHERE id = ?", now, inviteeId);
    }

    long insert(Response r) {
        return db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, invitee_id, contact_id, "
                        + "participant_id, channel, address, language, respondent_name, respondent_email, respondent_telegram, "
                        + "text, answers, version, amends_id, inbox_id, message_id, late, received_at, flag, authentication) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.consultationId(), r.respondentKey(), r.inviteeId(), r.contactId(), r.participantId(), r.channel(),
                r.address(), r.language() == null ? null : r.language().code(), r.name(), r.email(), r.telegram(),
                r.text(), Outbox.json(r.answers()), r.version(), r.amendsId(), r.inboxId(), r.messageId(), r.late(),
                r.receivedAt(), r.flag(), r.authentication() == null ? null : Outbox.json(r.authentication()));
    }

    boolean seen(long consultationId, Long inboxId, String messageId) {
        return db.count("SELECT count(*) FROM consultation_response WHERE (inbox_id IS NOT NULL AND inbox_id = ?) "
                + "OR (consultation_id = ? AND message_id IS NOT NULL AND message_id = ?)", inboxId, consultationId,
                messageId) > 0;
    }

    Optional<Response> latest(long consultationId, String respondentKey) {
        return db.one("SELECT * FROM consultation_response WHERE consultation_id = ? AND respondent_key = ? "
                + "ORDER BY version DESC LIMIT 1", ResponseStore::response, consultationId, respondentKey);
    }

    Optional<Response> byId(long consultationId, long id) {
        return db.one("SELECT * FROM consultation_response WHERE consultation_id = ? AND id = ?", ResponseStore::response,
                consultationId, id);
    }

    List<Response> all(long consultationId) {
        return db.query("SELECT * FROM consultation_response WHERE consultation_id = ? ORDER BY id", ResponseStore::response,
                consultationId);
    }

    /** Each respondent's current response (their highest version). */
    List<Response> current(long consultationId) {
        return db.query("SELECT * FROM consultation_response r WHERE consultation_id = ? AND version = (SELECT max(version) "
                + "FROM consultation_response x WHERE x.consultation_id = r.consultation_id AND x.respondent_key = "
                + "r.respondent_key) ORDER BY id", ResponseStore::response, consultationId);
    }

    void setTags(long id, List<String> tags) {
        db.update("UPDATE consultation_response SET tags = ? WHERE id = ?", tags.isEmpty() ? null : String.join(",", tags), id);
    }

    void markOutcomeSent(long id, Instant now) {
        db.update("UPDATE consultation_response SET outcome_sent_at = ? WHERE id = ?", now, id);
    }

    private static Invitee invitee(ResultSet rs) throws SQLException {
        return new Invitee(rs.getLong("id"), rs.getLong("consultation_id"), Db.nullableLong(rs, "contact_id"),
                rs.getString("channel"), rs.getString("address"), Language.parse(rs.getString("language")).orElse(null),
                rs.getString("reply_token"));
    }

    @SuppressWarnings("unchecked")
    private static Response response(ResultSet rs) throws SQLException {
        Map<String, String> answers = new LinkedHashMap<>(Outbox.read(rs.getString("answers"), LinkedHashMap.class));
        String tags = rs.getString("tags");
        String authentication = rs.getString("authentication");
        return new Response(rs.getLong("id"), rs.getLong("consultation_id"), rs.getString("respondent_key"),
                Db.nullableLong(rs, "invitee_id"), Db.nullableLong(rs, "contact_id"), Db.nullableLong(rs, "participant_id"),
                rs.getString("channel"), rs.getString("address"), Language.parse(rs.getString("language")).orElse(null),
                rs.getString("respondent_name"), rs.getString("respondent_email"), rs.getString("respondent_telegram"),
                rs.getString("text"), answers, rs.getInt("version"), Db.nullableLong(rs, "amends_id"),
                Db.nullableLong(rs, "inbox_id"), rs.getString("message_id"), rs.getInt("late") == 1,
                tags == null ? List.of() : Arrays.asList(tags.split(",")), Db.instant(rs, "received_at"),
                rs.getString("flag"), authentication == null ? null : Outbox.read(authentication, MailAuthentication.class));
    }

    /** Responses received in [from, to), by channel. */
    Map<String, Long> countByChannel(Instant from, Instant to) {
        Map<String, Long> out = new java.util.TreeMap<>();
        db.query("SELECT channel, count(*) FROM consultation_response WHERE received_at >= ? AND received_at < ? "
                + "GROUP BY 1", rs -> Map.entry(rs.getString(1), rs.getLong(2)), from, to)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
