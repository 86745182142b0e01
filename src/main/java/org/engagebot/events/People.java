package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns whoever wrote into a {@link Person}. A chat or web session counts as a contact only when it is linked to
 * one (linking needs proof of the address); an email reply counts as the invited contact only when it comes from
 * the address the invitation went to. A typed email address is kept as where to write, never as an identity.
 */
@Singleton
class People {
    private final ContactService contacts;

    People(ContactService contacts) {
        this.contacts = contacts;
    }

    Person of(Participant p, String typedName, String typedEmail) {
        Optional<Contact> contact = contacts.forParticipant(p);
        boolean chat = p.channel().equals("telegram") || p.channel().equals("email");
        String email = p.channel().equals("email") ? p.address() : contact.map(Contact::email)
                .orElse(blank(typedEmail) ? null : typedEmail.strip().toLowerCase(Locale.ROOT));
        String channel = chat ? p.channel() : (email == null ? null : "email");
        String address = chat ? p.address() : email;
        Language language = p.language() != null ? p.language()
                : contact.flatMap(c -> Language.parse(c.language())).orElse(null);
        String name = contact.map(Contact::name).filter(n -> !blank(n)).orElse(blank(typedName) ? p.displayName()
                : typedName.strip());
        return new Person(contact.map(c -> "contact:" + c.id()).orElse(p.channel() + ":" + p.address()),
                contact.map(Contact::id).orElse(null), p.id(), p.channel(), channel, address, language, name, email,
                p.channel().equals("telegram") ? p.address() : null);
    }

    /** The sender of an email reply to an invitation sent to {@code invitee}. */
    Person ofEmail(Participant sender, Invitee invitee) {
        if (invitee == null || invitee.contactId() == null || !invitee.channel().equals("email")
                || !invitee.address().equalsIgnoreCase(sender.address())) {
            return of(sender, null, null);
        }
        Optional<Contact> contact = contacts.byId(invitee.contactId());
        Language language = sender.language() != null ? sender.language() : invitee.language();
        return new Person("contact:" + invitee.contactId(), invitee.contactId(), sender.id(), "email", "email",
                sender.address(),
                language, contact.map(Contact::name).orElse(null), sender.address(), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
