package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The event_invitee and event_rsvp tables. Joins the caller's transaction. */
@Singleton
class RsvpStore {
    private final Db db;

    RsvpStore(Db db) {
        this.db = db;
    }

    /** Adds an invitee; empty when this address was already invited to this event. */
    Optional<Long> invite(long eventId, long contactId, String channel, String address, Language language, String token,
                          Instant now) {
        long id = db.insert("INSERT INTO event_invitee (event_id, contact_id, channel, address, language, reply_token, "
                + "invited_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, channel, address) DO NOTHING",
                eventId, contactId, channel, address, language == null ? null : language.code(), token, now);
        return id < 0 ? Optional.empty() : Optional.of(id);
    }

    Optional<Invitee> inviteeByToken(String token) {
        return db.one("SELECT * FROM event_invitee WHERE reply_token = ?", RsvpStore::invitee, token);
    }

    Optional<Invitee> invitee(long eventId, String channel, String address) {
        return db.one("SELECT * FROM event_invitee WHERE event_id = ? AND channel = ? AND lower(address) = lower(?)",
                RsvpStore::invitee, eventId, channel, address);
    }

    long invited(long eventId) {
        return db.count("SELECT count(*) FROM event_invitee WHERE event_id = ?", eventId);
    }

    Optional<Rsvp> find(long eventId, String personKey) {
        return db.one("SELECT * FROM event_rsvp WHERE event_id = ? AND person_key = ?", RsvpStore::map, eventId, personKey);
    }

    Optional<Rsvp> byId(long eventId, long id) {
        return db.one("SELECT * FROM event_rsvp WHERE event_id = ? AND id = ?", RsvpStore::map, eventId, id);
    }

    /** Inserts or replaces the person's answer (their row keeps its id and creation time). */
    void save(long eventId, Person p, Rsvp.Answer answer, String access, boolean translation, String dietary,
              Instant waitlistedSince, Instant now) {
        db.update("INSERT INTO event_rsvp (event_id, person_key, contact_id, participant_id, via, channel, address, "
                        + "language, name, email, telegram, answer, access_needs, translation, dietary, waitlisted_since, "
                        + "answered_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id, person_key) DO UPDATE SET contact_id = excluded.contact_id, "
                        + "participant_id = excluded.participant_id, via = excluded.via, channel = excluded.channel, "
                        + "address = excluded.address, "
                        + "language = excluded.language, name = COALESCE(excluded.name, event_rsvp.name), "
                        + "email = COALESCE(excluded.email, event_rsvp.email), "
                        + "telegram = COALESCE(excluded.telegram, event_rsvp.telegram), answer = excluded.answer, "
                        + "access_needs = excluded.access_needs, translation = excluded.translation, dietary = excluded.dietary, "
                        + "waitlisted_since = excluded.waitlisted_since, answered_at = excluded.answered_at",
                eventId, p.key(), p.contactId(), p.participantId(), p.via(), p.channel(), p.address(),
                p.language() == null ? null : p.language().code(), p.name(), p.email(), p.telegram(), answer.value(), access,
                translation, dietary, waitlistedSince, now, now);
    }

    long placed(long eventId) {
        return db.count("SELECT count(*) FROM event_rsvp WHERE event_id = ? AND answer = 'yes' AND waitlisted_since IS NULL",
                eventId);
    }

    /** Their place in the waiting list, from 1. */
    long positionOf(Rsvp r) {
        return db.count("SELECT count(*) FROM event_rsvp WHERE event_id = ? AND waitlisted_since IS NOT NULL AND "
                + "(waitlisted_since < ? OR (waitlisted_since = ? AND id <= ?))", r.eventId(), r.waitlistedSince(),
                r.waitlistedSince(), r.id());
    }

    Optional<Rsvp> firstWaiting(long eventId) {
        return db.one("SELECT * FROM event_rsvp WHERE event_id = ? AND waitlisted_since IS NOT NULL "
                + "ORDER BY waitlisted_since, id LIMIT 1", RsvpStore::map, eventId);
    }

    void givePlace(long id) {
        db.update("UPDATE event_rsvp SET waitlisted_since = NULL WHERE id = ?", id);
    }

    List<Rsvp> all(long eventId) {
        return db.query("SELECT * FROM event_rsvp WHERE event_id = ? ORDER BY answer = 'yes' DESC, waitlisted_since IS "
                + "NOT NULL, waitlisted_since, lower(COALESCE(name, '')), id", RsvpStore::map, eventId);
    }

    /** Those holding a place. */
    List<Rsvp> going(long eventId) {
        return db.query("SELECT * FROM event_rsvp WHERE event_id = ? AND answer = 'yes' AND waitlisted_since IS NULL "
                + "ORDER BY id", RsvpStore::map, eventId);
    }

    boolean setAttended(long eventId, long id, Boolean attended) {
        return db.update("UPDATE event_rsvp SET attended = ? WHERE event_id = ? AND id = ?", attended, eventId, id) == 1;
    }

    /** Who came: marked attended, or (when nobody was marked) everyone who held a place. */
    List<Rsvp> attendees(long eventId) {
        boolean marked = db.count("SELECT count(*) FROM event_rsvp WHERE event_id = ? AND attended IS NOT NULL", eventId) > 0;
        return marked ? db.query("SELECT * FROM event_rsvp WHERE event_id = ? AND attended = 1 ORDER BY id",
                RsvpStore::map, eventId) : going(eventId);
    }

    void markFeedbackSent(long id, Instant now) {
        db.update("UPDATE event_rsvp SET feedback_sent_at = ? WHERE id = ?", now, id);
    }

    private static Invitee invitee(ResultSet rs) throws SQLException {
        return new Invitee(rs.getLong("id"), rs.getLong("event_id"), Db.nullableLong(rs, "contact_id"),
                rs.getString("channel"), rs.getString("address"), Language.parse(rs.getString("language")).orElse(null),
                rs.getString("reply_token"));
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getString("person_key"), Db.nullableLong(rs, "contact_id"),
                Db.nullableLong(rs, "participant_id"), rs.getString("via"), rs.getString("channel"), rs.getString("address"),
                Language.parse(rs.getString("language")).orElse(null), rs.getString("name"), rs.getString("email"),
                rs.getString("telegram"));
    }

    private static Rsvp map(ResultSet rs) throws SQLException {
        int attended = rs.getInt("attended");
        Boolean came = rs.wasNull() ? null : attended == 1;
        return new Rsvp(rs.getLong("id"), rs.getLong("event_id"), person(rs), Rsvp.Answer.of(rs.getString("answer")),
                rs.getString("access_needs"), rs.getInt("translation") == 1, rs.getString("dietary"),
                Db.instant(rs, "waitlisted_since"), came, Db.instant(rs, "answered_at"));
    }
}
