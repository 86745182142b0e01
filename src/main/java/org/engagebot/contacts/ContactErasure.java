package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.util.Set;

/**
 * The contact record goes with its consent history and channel links, after the features have let go of it. A
 * contact still referred to (a row some feature keeps for its counts) is blanked instead of deleted.
 */
@Singleton
class ContactErasure implements ErasureParticipant {
    private final Db db;

    ContactErasure(Db db) {
        this.db = db;
    }

    @Override
    public int getOrder() {
        return CONTACTS;
    }

    @Override
    public void erase(DataSubject subject) {
        if (!subject.registered()) {
            return;
        }
        long contactId = subject.contactId();
        db.update("DELETE FROM consent WHERE contact_id = ?", contactId);
        db.update("DELETE FROM contact_channel WHERE contact_id = ?", contactId);
        try {
            db.update("DELETE FROM contact WHERE id = ?", contactId);
        } catch (Db.DataAccessFailure stillReferenced) {
            db.update("UPDATE contact SET organisation = NULL, name = NULL, email = NULL, phone = NULL, website = NULL, "
                    + "area = NULL, description = NULL, language = NULL, tags = NULL, subscribed = 0 WHERE id = ?", contactId);
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("contact", "consent", "contact_channel");
    }
}
