package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "my data" / "fy nata" by email (UK GDPR Art. 15). The From header is only a claim, so a registered sender (contact
 * linked to the email participant, or with the sender's address) is sent a request for proof at the address on file
 * ({@link AddressProof}); only a reply from there, or the link in it, gets the summary and the 24-hour download
 * link ({@link #export}: the same /mydata command as chat), and only at that address. An unregistered sender gets a kind reply saying what little we keep.
 */
@Singleton
class EmailMyData {
    private final EmailCommands commands;
    private final ContactService contacts;
    private final Messages messages;
    private final AddressProof proof;

    EmailMyData(EmailCommands commands, ContactService contacts, Messages messages, AddressProof proof) {
        this.commands = commands;
        this.contacts = contacts;
        this.messages = messages;
        this.proof = proof;
    }

    List<OutboundMessage> handle(Participant p) {
        Optional<Contact> contact = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()));
        if (contact.isEmpty()) {
            return List.of(OutboundMessage.text(FormText.both(messages.get("email.mydata.unknown", p.address()), p.language())));
        }
        return proof.request(p, ProofStore.Kind.MYDATA, null, Map.of());
    }

    /** The summary and download link for the owner of a proven address, in their language. */
    OutboundMessage export(Participant owner) {
        Language language = owner.language() != null ? owner.language()
                : contacts.forParticipant(owner).or(() -> contacts.byEmail(owner.address()))
                .flatMap(c -> Language.parse(c.language())).orElse(null);
        Participant speaking = new Participant(owner.id(), owner.channel(), owner.address(), language, owner.displayName());
        String subject = messages.get("email.mydata.subject").label(language);
        return commands.run("mydata", speaking).get(0).withSubject(subject);
    }
}
