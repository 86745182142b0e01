package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.util.List;
import java.util.Set;

/** A profile's other contact people, staff notes and history of changes go with the contact when it is erased. */
@Singleton
class ProfileErasure implements ErasureParticipant {
    private final Db db;

    ProfileErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(long contactId, List<Long> participantIds) {
        if (contactId == 0) {
            return;
        }
        for (String table : List.of("contact_person", "contact_note", "contact_change")) {
            db.update("DELETE FROM " + table + " WHERE contact_id = ?", contactId);
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("contact_person", "contact_note", "contact_change");
    }
}
