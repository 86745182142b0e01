package org.engagebot.privacy;

import io.micronaut.core.order.OrderUtil;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Erased;
import org.engagebot.platform.ErasureParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Erases one person through the owners of their data, each erasing its own tables ({@link ErasureParticipant}:
 * features, stored messages, the contact, the participants last); privacy itself only deletes their download links.
 * {@link #eraseMessages} runs every owner's chunked part (the stored messages, which can be thousands of rows)
 * outside any transaction; {@link #erase} does the rest inside the caller's. Both are idempotent. ErasureParticipantsIT
 * checks every table that can hold a person is claimed by an owner. Goodbyes queued for scrubbing (privacy_scrub)
 * are left for {@link GoodbyeScrubber}.
 */
@Singleton
class Eraser {
    /** Privacy's own tables: download links go with the person; the others hold ids only until the erasure ends. */
    static final Set<String> OWN_TABLES = Set.of("privacy_export_token", "privacy_scrub", "privacy_erasure");

    private final Db db;
    private final List<ErasureParticipant> owners;

    Eraser(Db db, List<ErasureParticipant> owners) {
        this.db = db;
        List<ErasureParticipant> ordered = new ArrayList<>(owners);
        OrderUtil.sort(ordered);
        this.owners = List.copyOf(ordered);
    }

    record Counts(int owners, int chunkedRows) {
        String describe() {
            return "owners=" + owners + " rows in chunks=" + chunkedRows;
        }

        Counts plus(Counts o) {
            return new Counts(Math.max(owners, o.owners), chunkedRows + o.chunkedRows);
        }
    }

    /** Every owner's chunked part (each chunk its own write transaction). Call outside a transaction. */
    Counts eraseMessages(Person person) {
        int rows = 0;
        for (ErasureParticipant owner : owners) {
            rows += owner.eraseInChunks(person.subject());
        }
        return new Counts(0, rows);
    }

    /** Everything, inside the caller's write transaction; what {@link #eraseMessages} left is little. */
    Counts erase(Person person) {
        for (long id : person.participantIds()) {
            db.update("DELETE FROM privacy_export_token WHERE participant_id = ?", id);
        }
        if (person.registered()) {
            db.update("DELETE FROM privacy_export_token WHERE contact_id = ?", person.contactId());
        }
        for (ErasureParticipant owner : owners) {
            owner.erase(person.subject());
        }
        return new Counts(owners.size(), 0);
    }

    /** "erased:" + hex SHA-256 over a fresh random salt and the value: the value cannot be recovered or matched. */
    static String marker(String kind, String value) {
        return Erased.marker(kind, value);
    }
}
