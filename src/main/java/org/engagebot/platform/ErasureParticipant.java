package org.engagebot.platform;

import io.micronaut.core.order.Ordered;

import java.util.Set;

/**
 * An owner of personal data erases its own rows about a person when they ask to be forgotten (UK GDPR Art. 17).
 * {@link #eraseInChunks} runs first for every owner, outside any transaction; then {@link #erase} runs for every
 * owner inside the erasure's one transaction, in {@link #getOrder()} order: features first, then the owners of what
 * they refer to (contacts, then the participants, whose addresses the others are handed, last). Both must be
 * idempotent and must not throw for a person the owner knows nothing about. Keep rows a count depends on (e.g.
 * consultation responses) only as anonymous text, unlinked from the person.
 */
public interface ErasureParticipant extends Ordered {

    /** After the features: the owner of the contact record the features' rows point to. */
    int CONTACTS = Ordered.LOWEST_PRECEDENCE - 1;
    /** Last: the participant rows, which stay (anonymised) for foreign keys and counts. */
    int PARTICIPANTS = Ordered.LOWEST_PRECEDENCE;

    /**
     * What can be large (e.g. a person's stored messages), in chunks that are each their own write transaction
     * ({@link Chunks}); called outside any transaction, before {@link #erase}. Returns the rows changed.
     */
    default int eraseInChunks(DataSubject subject) {
        return 0;
    }

    /** Everything else, inside the erasure's write transaction. */
    void erase(DataSubject subject);

    /**
     * The tables of its own this bean erases from. Every table with a contact_id, participant_id, email, phone or name
     * column must be claimed by one participant (ErasureParticipantsIT fails otherwise): there is no fallback.
     */
    Set<String> tables();
}
