package org.engagebot.channel.email;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.util.List;
import java.util.Set;

/**
 * Erasure of a person's email address from the email channel's own records (UK GDPR Art. 17): the per-address
 * reply allowance, bounce reports, hold and requests waiting for proof are deleted, and mail we sent keeps its
 * Message-ID (for threading) but not the address. Runs in the erasure's transaction.
 */
@Singleton
class EmailErasure implements ErasureParticipant, DataExportParticipant {
    private final Db db;
    private final ProofStore proofs;

    EmailErasure(Db db, ProofStore proofs) {
        this.db = db;
        this.proofs = proofs;
    }

    @Override
    public void erase(DataSubject subject) {
        List<Long> participantIds = subject.participantIds();
        for (String address : subject.emails()) {
            db.update("DELETE FROM email_auto_reply WHERE address = ?", address);
            db.update("DELETE FROM email_bounce WHERE address = ?", address);
            db.update("DELETE FROM email_hold WHERE address = ?", address);
            db.update("UPDATE email_sent SET address = 'erased' WHERE address = ?", address);
            proofs.deleteFor(address, participantIds);
        }
    }

    /** What the email channel keeps about the person's addresses: mail sent, bounces, holds, automatic replies, proofs. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : List.of("email_sent", "email_bounce", "email_hold", "email_auto_reply")) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (String email : subject.emails()) {
                rows.addAll(db.query("SELECT * FROM " + table + " WHERE lower(address) = ?", Rows::of, email));
            }
            Rows.put(out, table, rows);
        }
        List<Map<String, Object>> proofs = new java.util.ArrayList<>(db.query("SELECT kind, address, flow_id, language, "
                + "created_at, expires_at FROM email_proof WHERE participant_id IN (" + Rows.ids(subject.participantIds())
                + ")", Rows::of));
        for (String email : subject.emails()) {
            proofs.addAll(db.query("SELECT kind, address, flow_id, language, created_at, expires_at FROM email_proof "
                    + "WHERE lower(address) = ?", Rows::of, email));
        }
        Rows.put(out, "email_proof", proofs.stream().distinct().toList());
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("email_auto_reply", "email_bounce", "email_hold", "email_sent", "email_proof");
    }
}
