package org.engagebot.platform;

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
     * The tables of its own this bean erases from. Every table with a contact_id, participant_id, email, phone or name
     * column must be claimed by one participant (ErasureParticipantsIT fails otherwise): there is no fallback.
     */
    Set<String> tables();
}
