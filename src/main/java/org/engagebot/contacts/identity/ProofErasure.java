package org.engagebot.contacts.identity;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.util.List;
import java.util.Set;

/**
 * Proofs of address a person started (codes and links sent to an address) go with them, and so do proofs anyone
 * started for the email address on their contact. Blocks (address_block) hold only keyed hashes and stay, so an
 * address that refused proofs keeps refusing them.
 */
@Singleton
class ProofErasure implements ErasureParticipant {
    private final Db db;

    ProofErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(long contactId, List<Long> participantIds) {
        for (long id : participantIds) {
            db.update("DELETE FROM address_proof WHERE participant_id = ?", id);
        }
        if (contactId != 0) {
            db.update("DELETE FROM address_proof WHERE lower(email) = (SELECT lower(email) FROM contact WHERE id = ?)",
                    contactId);
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("address_proof");
    }
}
