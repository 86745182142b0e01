package org.engagebot.visits;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.channel.OutboxBatches;
import org.engagebot.platform.ErasureParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Erasure of an applicant (UK GDPR Art. 17): their applications (by participant, contact or email address) keep
 * reference, status, area, dates and the publicity choice, so the yearly count stays right, but lose every
 * personal field (organisation, contact name, email, phone, answers, place, decline reason, history notes) and
 * their links to the person; the messages about them (staff summary, decisions) lose their text, and any not yet
 * sent are not sent. Runs in the erasure's transaction.
 */
@Singleton
class VisitErasure implements ErasureParticipant, DataExportParticipant {
    private final Db db;
    private final OutboxBatches batches;

    VisitErasure(Db db, OutboxBatches batches) {
        this.db = db;
        this.batches = batches;
    }

    @Override
    public void erase(DataSubject subject) {
        for (long id : applications(subject)) {
            db.update("UPDATE visit_application SET participant_id = NULL, contact_id = NULL, organisation = '', "
                    + "contact_name = '', email = '', phone = NULL, answers = '{}', answers_hash = 'erased:' || id, "
                    + "place = NULL, decline_reason = NULL WHERE id = ?", id);
            db.update("UPDATE visit_history SET note = NULL WHERE visit_id = ?", id);
            batches.blankBatch(VisitNotifier.BATCH, id);
        }
    }

    /** Their applications (by participant, contact or email address) and the history of each. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        List<Map<String, Object>> applications = new java.util.ArrayList<>();
        List<Map<String, Object>> history = new java.util.ArrayList<>();
        for (long id : applications(subject)) {
            applications.addAll(db.query("SELECT * FROM visit_application WHERE id = ?", Rows::of, id));
            history.addAll(db.query("SELECT * FROM visit_history WHERE visit_id = ? ORDER BY id", Rows::of, id));
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Rows.put(out, "visit_application", applications);
        Rows.put(out, "visit_history", history);
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("visit_application", "visit_history");
    }

    private List<Long> applications(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        List<Long> participantIds = subject.participantIds();
        List<String> emails = subject.emails();
        List<Long> ids = new ArrayList<>();
        for (long p : participantIds) {
            ids.addAll(db.query("SELECT id FROM visit_application WHERE participant_id = ?", rs -> rs.getLong(1), p));
        }
        if (contactId != 0) {
            ids.addAll(db.query("SELECT id FROM visit_application WHERE contact_id = ?", rs -> rs.getLong(1), contactId));
        }
        for (String email : emails) {
            ids.addAll(db.query("SELECT id FROM visit_application WHERE lower(email) = lower(?)", rs -> rs.getLong(1), email));
        }
        return ids.stream().distinct().toList();
    }
}
