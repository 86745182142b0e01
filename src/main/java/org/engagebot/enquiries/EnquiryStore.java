package org.engagebot.enquiries;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The enquiry and enquiry_reply tables. Callers run inside a transaction where they write. */
@Singleton
class EnquiryStore {
    private static final String SELECT = "SELECT e.* FROM enquiry e ";

    private final Db db;
    private final Participants participants;
    private final ContactService contacts;

    EnquiryStore(Db db, Participants participants, ContactService contacts) {
        this.db = db;
        this.participants = participants;
        this.contacts = contacts;
    }

    long insert(Long participantId, Long contactId, String channel, String language, String text, Instant now) {
        return db.insert("INSERT INTO enquiry (participant_id, contact_id, channel, language, text, status, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)", participantId, contactId, channel, language, text, now, now);
    }

    Optional<Enquiry> byId(long id) {
        return db.one(SELECT + "WHERE e.id = ?", this::map, id);
    }

    List<Enquiry> list(String status, int limit) {
        return status == null ? db.query(SELECT + "ORDER BY e.id DESC LIMIT ?", this::map, limit)
                : db.query(SELECT + "WHERE e.status = ? ORDER BY e.id DESC LIMIT ?", this::map, status, limit);
    }

    void reply(long id, String staff, String text, Instant now) {
        db.insert("INSERT INTO enquiry_reply (enquiry_id, staff, text, sent_at) VALUES (?, ?, ?, ?)", id, staff, text, now);
        db.update("UPDATE enquiry SET status = 'replied', updated_at = ? WHERE id = ? AND status = 'open'", now, id);
    }

    boolean close(long id, Instant now) {
        return db.update("UPDATE enquiry SET status = 'closed', updated_at = ?, closed_at = ? WHERE id = ? "
                + "AND status <> 'closed'", now, now, id) > 0;
    }

    int deleteFor(long contactId, List<Long> participantIds) {
        int n = contactId > 0 ? db.update("DELETE FROM enquiry WHERE contact_id = ?", contactId) : 0;
        for (long p : participantIds) {
            n += db.update("DELETE FROM enquiry WHERE participant_id = ?", p);
        }
        return n;
    }

    int deleteClosedBefore(Instant cutoff) {
        return db.update("DELETE FROM enquiry WHERE status = 'closed' AND closed_at < ?", cutoff);
    }

    private Enquiry map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Long participantId = Db.nullableLong(rs, "participant_id");
        Long contactId = Db.nullableLong(rs, "contact_id");
        // who sent it, as their owners know them now (a participant or contact erased since: its fields stay empty)
        Optional<Participant> p = participantId == null ? Optional.empty() : participants.byId(participantId);
        Optional<Contact> c = contactId == null ? Optional.empty() : contacts.byId(contactId);
        Enquiry.Sender sender = new Enquiry.Sender(participantId, p.map(Participant::address).orElse(null),
                p.map(Participant::displayName).orElse(null), contactId, c.map(Contact::organisation).orElse(null),
                c.map(Contact::name).orElse(null), c.map(Contact::email).orElse(null));
        return new Enquiry(id, rs.getString("status"), rs.getString("channel"), rs.getString("language"),
                rs.getString("text"), sender, Db.instant(rs, "created_at"), Db.instant(rs, "closed_at"), replies(id),
                rs.getString("assigned_to"));
    }

    boolean assign(long id, String staff, Instant now) {
        return db.update("UPDATE enquiry SET assigned_to = ?, updated_at = ? WHERE id = ?", staff, now, id) == 1;
    }

    private List<Enquiry.Answer> replies(long id) {
        return db.query("SELECT staff, text, sent_at FROM enquiry_reply WHERE enquiry_id = ? ORDER BY id",
                rs -> new Enquiry.Answer(rs.getString(1), rs.getString(2), Db.instant(rs, "sent_at")), id);
    }
}
