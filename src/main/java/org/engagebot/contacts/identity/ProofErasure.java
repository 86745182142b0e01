package org.engagebot.contacts.identity;

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
 * Proofs of address a person started (codes and links sent to an address), and proofs anyone started for the email
 * address on their contact, lose the address in clear (email blanked, as V85 planned). The rows stay, keyed by
 * target_hmac: the send limits and blocks keep counting, and the "this wasn't me" link the address's owner was sent
 * keeps working even after the asking chat is erased (an attacker's /forget must not kill the victim's link).
 */
@Singleton
class ProofErasure implements ErasureParticipant, DataExportParticipant {
    private final Db db;

    ProofErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        List<Long> participantIds = subject.participantIds();
        for (long id : participantIds) {
            db.update("UPDATE address_proof SET email = '' WHERE participant_id = ?", id);
        }
        if (contactId != 0) {
            db.update("UPDATE address_proof SET email = '' WHERE email <> '' AND lower(email) = "
                    + "(SELECT lower(email) FROM contact WHERE id = ?)", contactId);
        }
    }

    /** Proofs the person started, and proofs anyone started for their email address. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(db.query("SELECT id, email, holder, purpose, "
                + "created_at, expires_at, outcome, closed_at, denied_at FROM address_proof WHERE participant_id IN ("
                + Rows.ids(subject.participantIds()) + ")", Rows::of));
        for (String email : subject.emails()) {
            rows.addAll(db.query("SELECT id, email, holder, purpose, created_at, expires_at, outcome, closed_at, "
                    + "denied_at FROM address_proof WHERE lower(email) = ?", Rows::of, email));
        }
        List<Map<String, Object>> distinct = rows.stream().distinct().toList();
        return distinct.isEmpty() ? Map.of() : Map.of("address_proof", distinct);
    }

    @Override
    public Set<String> tables() {
        return Set.of("address_proof");
    }
}
