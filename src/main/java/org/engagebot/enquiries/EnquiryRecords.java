package org.engagebot.enquiries;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactRecords;
import org.engagebot.platform.Db;

import java.util.List;

/** Messages a contact raised with the office ("raise an issue"), for the organisation's page and for a merge. */
@Singleton
class EnquiryRecords implements ContactRecords {
    private static final int PREVIEW = 80;
    private final Db db;

    EnquiryRecords(Db db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "enquiries";
    }

    @Override
    public String heading() {
        return "Messages raised";
    }

    @Override
    public List<Record> of(long contactId) {
        return db.query("SELECT id, channel, text, status, created_at FROM enquiry WHERE contact_id = ? "
                        + "ORDER BY created_at DESC, id DESC",
                rs -> {
                    String text = rs.getString("text");
                    return new Record(text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text,
                            rs.getString("status") + ", by " + rs.getString("channel"), Db.instant(rs, "created_at"),
                            "/console/enquiries#e" + rs.getLong("id"));
                }, contactId);
    }

    @Override
    public int move(long fromContactId, long intoContactId) {
        return db.update("UPDATE enquiry SET contact_id = ? WHERE contact_id = ?", intoContactId, fromContactId);
    }
}
