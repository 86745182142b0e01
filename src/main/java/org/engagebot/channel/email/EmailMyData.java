package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.privacy.PrivacyService;

import java.util.Optional;

/**
 * "my data" / "fy nata" by email (UK GDPR Art. 15). A registered sender (contact linked to the email participant,
 * or with the sender's address) gets the summary and the 24-hour download link, in their language; the reply
 * goes only to the sender's own address. An unregistered sender gets a kind reply saying what little we keep.
 */
@Singleton
class EmailMyData {
    private final PrivacyService privacy;
    private final ContactService contacts;
    private final Messages messages;

    EmailMyData(PrivacyService privacy, ContactService contacts, Messages messages) {
        this.privacy = privacy;
        this.contacts = contacts;
        this.messages = messages;
    }

    OutboundMessage handle(Participant p) {
        Optional<Contact> contact = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()));
        Language language = p.language() != null ? p.language()
                : contact.flatMap(c -> Language.parse(c.language())).orElse(null);
        if (contact.isEmpty()) {
            return OutboundMessage.text(FormText.both(messages.get("email.mydata.unknown", p.address()), language));
        }
        PrivacyService.Export export = privacy.exportFor(p);
        String subject = messages.get("email.mydata.subject").label(language);
        return OutboundMessage.text(FormText.both(export.summary(), language)).withSubject(subject);
    }
}
