package org.engagebot.enquiries;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.Db;
import jakarta.inject.Singleton;
import org.engagebot.platform.ErasureParticipant;
import org.engagebot.privacy.RetentionHook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Messages to the office go when their sender asks to be forgotten, and closed ones after the retention period. */
@Singleton
class EnquiryErasure implements ErasureParticipant, DataExportParticipant, RetentionHook {
    private final EnquiryStore store;
    private final Db db;

    EnquiryErasure(EnquiryStore store, Db db) {
        this.store = store;
        this.db = db;
    }

    @Override
    public void erase(DataSubject subject) {
        store.deleteFor(subject.registered() ? subject.contactId() : 0L, subject.participantIds());
    }

    /** Their messages to the office (by participant or contact) and the office's replies to them. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        List<Map<String, Object>> enquiries = db.query("SELECT * FROM enquiry WHERE contact_id = ? OR participant_id IN ("
                + Rows.ids(subject.participantIds()) + ") ORDER BY id", Rows::of,
                subject.registered() ? subject.contactId() : 0L);
        List<Map<String, Object>> replies = new java.util.ArrayList<>();
        for (Map<String, Object> enquiry : enquiries) {
            replies.addAll(db.query("SELECT * FROM enquiry_reply WHERE enquiry_id = ? ORDER BY id", Rows::of,
                    enquiry.get("id")));
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Rows.put(out, "enquiry", enquiries);
        Rows.put(out, "enquiry_reply", replies);
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("enquiry", "enquiry_reply");
    }

    @Override
    public String name() {
        return "enquiries";
    }

    @Override
    public int purgeClosedBefore(Instant cutoff) {
        return store.deleteClosedBefore(cutoff);
    }
}
