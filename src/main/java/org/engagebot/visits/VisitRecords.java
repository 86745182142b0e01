package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactRecords;
import org.engagebot.platform.Db;

import java.util.List;

/** A contact's visit applications, for the organisation's page and for merging two contacts. */
@Singleton
class VisitRecords implements ContactRecords {
    private final Db db;

    VisitRecords(Db db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "visits";
    }

    @Override
    public String heading() {
        return "Visit applications";
    }

    @Override
    public List<Record> of(long contactId) {
        return db.query("SELECT id, reference, status, submitted_at FROM visit_application WHERE contact_id = ? "
                        + "ORDER BY submitted_at DESC, id DESC",
                rs -> new Record(rs.getString("reference"), rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                        Db.instant(rs, "submitted_at"), "/console/visits/" + rs.getLong("id")), contactId);
    }

    @Override
    public int move(long fromContactId, long intoContactId) {
        return db.update("UPDATE visit_application SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
    }
}
