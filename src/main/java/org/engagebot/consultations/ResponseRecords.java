package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactRecords;
import org.engagebot.platform.Db;

import java.util.List;

/**
 * A contact's consultation responses (each version), for the organisation's page; a merge moves its responses and
 * invitations, so a later reply to an invitation still finds the merged contact.
 */
@Singleton
class ResponseRecords implements ContactRecords {
    private final Db db;

    ResponseRecords(Db db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "responses";
    }

    @Override
    public String heading() {
        return "Consultation responses";
    }

    @Override
    public List<Record> of(long contactId) {
        return db.query("SELECT r.id, r.channel, r.version, r.late, r.received_at, c.id AS consultation_id, c.reference, "
                        + "c.title_en, c.title_cy FROM consultation_response r JOIN consultation c ON c.id = r.consultation_id "
                        + "WHERE r.contact_id = ? ORDER BY r.received_at DESC, r.id DESC",
                rs -> new Record(rs.getString("reference") + " " + rs.getString("title_en"),
                        ContactRecords.titled(rs.getString("reference"), rs.getString("title_cy")),
                        "by " + rs.getString("channel") + (rs.getInt("version") > 1 ? ", version " + rs.getInt("version") : "")
                                + (rs.getInt("late") == 1 ? ", late" : ""),
                        Db.instant(rs, "received_at"), "/console/consultations/" + rs.getLong("consultation_id")), contactId);
    }

    @Override
    public int move(long fromContactId, long intoContactId) {
        db.update("UPDATE consultation_invitee SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
        return db.update("UPDATE consultation_response SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
    }
}
