package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactRecords;
import org.engagebot.platform.Db;

import java.util.List;

/**
 * A contact's event RSVPs and questions in advance, for the organisation's page; a merge moves them and the
 * invitations. Their person keys stay as they were, so two answers to one event from the merged records both remain.
 */
@Singleton
class RsvpRecords implements ContactRecords {
    private final Db db;

    RsvpRecords(Db db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "rsvps";
    }

    @Override
    public String heading() {
        return "Event RSVPs and questions";
    }

    @Override
    public List<Record> of(long contactId) {
        List<Record> out = new java.util.ArrayList<>(db.query("SELECT e.id, e.reference, e.title_en, r.answer, "
                        + "r.waitlisted_since, r.attended, r.answered_at FROM event_rsvp r JOIN event e ON e.id = r.event_id "
                        + "WHERE r.contact_id = ? ORDER BY r.answered_at DESC, r.id DESC",
                rs -> new Record(rs.getString("reference") + " " + rs.getString("title_en"), "answered "
                        + rs.getString("answer") + (rs.getObject("waitlisted_since") != null ? ", on the waiting list" : "")
                        + (rs.getObject("attended") == null ? "" : rs.getInt("attended") == 1 ? ", attended" : ", did not attend"),
                        Db.instant(rs, "answered_at"), "/console/events/" + rs.getLong("id")), contactId));
        out.addAll(db.query("SELECT e.id, e.reference, e.title_en, q.late, q.received_at FROM event_question q "
                        + "JOIN event e ON e.id = q.event_id WHERE q.contact_id = ? ORDER BY q.received_at DESC, q.id DESC",
                rs -> new Record(rs.getString("reference") + " " + rs.getString("title_en"), "asked a question"
                        + (rs.getInt("late") == 1 ? " after the cut-off" : ""), Db.instant(rs, "received_at"),
                        "/console/events/" + rs.getLong("id")), contactId));
        return out;
    }

    @Override
    public int move(long fromContactId, long intoContactId) {
        db.update("UPDATE event_invitee SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
        db.update("UPDATE event_question SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
        return db.update("UPDATE event_rsvp SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
    }
}
