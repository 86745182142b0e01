package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.privacy.ConsentService;
import org.engagebot.platform.AuditLog;

import java.util.Optional;

/**
 * The newsletter's mailto unsubscribe ("unsubscribe" to the bot's address): the contact with the sender's
 * address (linked to the email participant, else by address) is unsubscribed and the withdrawal recorded as
 * newsletter-email consent. Runs in the inbound transaction; repeating it changes nothing.
 */
@Singleton
class EmailUnsubscribe {
    static final String CONSENT_VERSION = "email-unsubscribe";

    private final ContactService contacts;
    private final ConsentService consents;
    private final AuditLog audit;
    private final Messages messages;

    EmailUnsubscribe(ContactService contacts, ConsentService consents, AuditLog audit, Messages messages) {
        this.contacts = contacts;
        this.consents = consents;
        this.audit = audit;
        this.messages = messages;
    }

    /** Unsubscribes without answering (a machine sent the request, e.g. a mail client's unsubscribe button). */
    void silently(String address) {
        contacts.byEmail(address).ifPresent(c -> withdraw(c, "automatic mailto"));
    }

    /** Unsubscribes the sender and answers with a confirmation in their language (both when unknown). */
    OutboundMessage handle(Participant p) {
        Optional<Contact> contact = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()));
        if (contact.isEmpty()) {
            return OutboundMessage.text(FormText.both(messages.get("email.unsubscribe.unknown", p.address()), p.language()));
        }
        boolean changed = withdraw(contact.get(), "mailto");
        Language language = p.language() != null ? p.language() : Language.parse(contact.get().language()).orElse(null);
        String key = changed ? "email.unsubscribe.done" : "email.unsubscribe.already";
        return OutboundMessage.text(FormText.both(messages.get(key, p.address()), language));
    }

    private boolean withdraw(Contact c, String how) {
        boolean consented = consents.mayReceiveNewsletter(c.id(), EmailChannel.NAME);
        if (!c.subscribed() && !consented) {
            return false;
        }
        contacts.setSubscribed(c.id(), false, EmailChannel.NAME, CONSENT_VERSION);
        audit.record("contact", "newsletter.unsubscribe", "contact:" + c.id(), how);
        return true;
    }
}
