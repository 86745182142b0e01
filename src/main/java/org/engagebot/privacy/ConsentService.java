package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consent per purpose and channel, as an append-only history (UK GDPR Art. 7(1): we can show what was agreed,
 * to which wording, when and where). Legacy "newsletter" rows count for the channel they were given on.
 * Joins the caller's transaction.
 */
@Singleton
public class ConsentService {
    public static final String CONTACT = ContactService.PURPOSE_CONTACT;

    private final ContactService contacts;

    public ConsentService(ContactService contacts) {
        this.contacts = contacts;
    }

    public void record(long contactId, String purpose, boolean granted, String version, String channel) {
        contacts.recordConsent(contactId, purpose, granted, version, channel);
    }

    /** The latest decision per purpose. */
    public Map<String, Consent> current(long contactId) {
        Map<String, Consent> latest = new LinkedHashMap<>();
        history(contactId).forEach(c -> latest.put(c.purpose(), c));
        return latest;
    }

    /** Every decision, oldest first. */
    public List<Consent> history(long contactId) {
        return contacts.consentHistory(contactId).stream().map(ConsentService::map).toList();
    }

    /** Whether the newsletter may go to this contact on this channel (contacts' newsletter consent rule). */
    public boolean mayReceiveNewsletter(long contactId, String channel) {
        return contacts.mayReceiveNewsletter(contactId, channel);
    }

    private static Consent map(ContactService.ConsentDecision d) {
        String purpose = d.purpose();
        if (ContactService.PURPOSE_NEWSLETTER.equals(purpose)) {
            purpose = ContactService.newsletterPurpose(d.channel());
        }
        return new Consent(purpose, d.granted(), d.version(), d.channel(), d.recordedAt());
    }
}
