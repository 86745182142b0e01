package org.engagebot.privacy;

import java.util.List;
import java.util.Set;

/**
 * A feature that keeps personal data in its own tables erases it here when a person asks to be forgotten
 * (UK GDPR Art. 17). Called inside the erasure's transaction, before the contact row is deleted and before
 * the participant rows are anonymised; must not throw for a person it knows nothing about. Keep rows a
 * count depends on (e.g. consultation responses) only as anonymous text, unlinked from the person.
 */
public interface ErasureParticipant {

    /** @param contactId the person's contact, or 0 when they never registered */
    void erase(long contactId, List<Long> participantIds);

    /**
     * Tables this bean fully handles; other tables with a contact_id, participant_id or email column get the
     * privacy feature's generic fallback (identifying columns blanked).
     */
    default Set<String> tables() {
        return Set.of();
    }
}
