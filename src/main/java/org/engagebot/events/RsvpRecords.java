package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactRecords;
import org.engagebot.platform.Db;

import java.util.List;

/**
 * A contact's event RSVPs and questions in advance, for the organisation's page; a merge moves them and the
 * invitations. When both records answered the same event, the later answer is kept (it is what the organisation
 * last told us) and the earlier one dropped, so the event counts the organisation once; the merge's history says so.
 */
@Singleton
class RsvpRecords implements ContactRecords {
    private final Db db;
    private final EventStore events;
    private final Rsvps rsvps;

    RsvpRecords(Db db, EventStore events, Rsvps rsvps) {
        this.db = db;
        this.events = events;
        this.rsvps = rsvps;
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
        List<Record> out = new java.util.ArrayList<>(db.query("SELECT e.id, e.reference, e.title_en, e.title_cy, r.answer, "
                        + "r.waitlisted_since, r.attended, r.answered_at FROM event_rsvp r JOIN event e ON e.id = r.event_id "
                        + "WHERE r.contact_id = ? ORDER BY r.answered_at DESC, r.id DESC",
                rs -> new Record(rs.getString("reference") + " " + rs.getString("title_en"),
                        ContactRecords.titled(rs.getString("reference"), rs.getString("title_cy")), "answered "
                        + rs.getString("answer") + (rs.getObject("waitlisted_since") != null ? ", on the waiting list" : "")
                        + (rs.getObject("attended") == null ? "" : rs.getInt("attended") == 1 ? ", attended" : ", did not attend"),
                        Db.instant(rs, "answered_at"), "/console/events/" + rs.getLong("id")), contactId));
        out.addAll(db.query("SELECT e.id, e.reference, e.title_en, e.title_cy, q.late, q.received_at FROM event_question q "
                        + "JOIN event e ON e.id = q.event_id WHERE q.contact_id = ? ORDER BY q.received_at DESC, q.id DESC",
                rs -> new Record(rs.getString("reference") + " " + rs.getString("title_en"),
                        ContactRecords.titled(rs.getString("reference"), rs.getString("title_cy")), "asked a question"
                        + (rs.getInt("late") == 1 ? " after the cut-off" : ""), Db.instant(rs, "received_at"),
                        "/console/events/" + rs.getLong("id")), contactId));
        return out;
    }

    @Override
    public List<String> mergeNotes(long fromContactId, long intoContactId) {
        return twiceAnswered(fromContactId, intoContactId).stream().map(d -> "RSVP to " + d.reference()
                + " answered by both: kept the later answer (" + d.kept() + "), dropped the earlier (" + d.dropped()
                + ")").toList();
    }

    @Override
    public int move(long fromContactId, long intoContactId) {
        List<Duplicate> dropped = twiceAnswered(fromContactId, intoContactId);
        dropped.forEach(d -> db.update("DELETE FROM event_rsvp WHERE id = ?", d.droppedId()));
        // a dropped answer that held a place frees it, as a cancellation does: the first person waiting gets it now
        dropped.stream().map(Duplicate::eventId).distinct().forEach(id -> events.byId(id).ifPresent(rsvps::offerPlace));
        db.update("UPDATE event_rsvp SET person_key = ? WHERE person_key = ?", "contact:" + intoContactId,
                "contact:" + fromContactId);
        db.update("UPDATE event_invitee SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
        db.update("UPDATE event_question SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
        return db.update("UPDATE event_rsvp SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
    }

    /** Events both contacts answered: the later answer stays (the kept contact's on a tie). */
    private List<Duplicate> twiceAnswered(long fromContactId, long intoContactId) {
        return db.query("SELECT e.id, e.reference, k.answer AS kept, d.answer AS dropped, d.id AS dropped_id "
                        + "FROM event_rsvp k JOIN event_rsvp d ON d.event_id = k.event_id AND d.id <> k.id "
                        + "JOIN event e ON e.id = k.event_id WHERE k.contact_id IN (?, ?) AND d.contact_id IN (?, ?) "
                        + "AND (k.answered_at > d.answered_at OR (k.answered_at = d.answered_at AND k.contact_id = ? "
                        + "AND d.contact_id = ?)) ORDER BY e.reference",
                rs -> new Duplicate(rs.getLong("id"), rs.getString("reference"), rs.getString("kept"), rs.getString("dropped"),
                        rs.getLong("dropped_id")), fromContactId, intoContactId, fromContactId, intoContactId,
                intoContactId, fromContactId);
    }

    private record Duplicate(long eventId, String reference, String kept, String dropped, long droppedId) {
    }
}
