package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

/**
 * Withdraws a contact's newsletter subscription (both channels: one suppression on the contact) and records
 * the withdrawal as consent given by email. Repeating it changes nothing.
 */
@Singleton
class Unsubscriber {
    static final String CONSENT_VERSION = "one-click-unsubscribe";

    private final ContactService contacts;
    private final AuditLog audit;
    private final Transactions tx;

    Unsubscriber(ContactService contacts, AuditLog audit, Transactions tx) {
        this.contacts = contacts;
        this.audit = audit;
        this.tx = tx;
    }

    /** Returns false when no such contact exists (e.g. erased since the email went out). */
    boolean unsubscribe(long contactId) {
        return tx.write(() -> contacts.byId(contactId).map(c -> {
            if (c.subscribed()) {
                contacts.setSubscribed(c.id(), false, "email", CONSENT_VERSION);
                audit.record("contact", "newsletter.unsubscribe", "contact:" + c.id(), "one-click link");
            }
            return true;
        }).orElse(false));
    }
}
