package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;

import java.util.Optional;

/** An address with no language chosen yet takes its contact's language (both languages when neither is known). */
@Singleton
class SenderLanguage {
    private final ContactService contacts;
    private final Participants participants;

    SenderLanguage(ContactService contacts, Participants participants) {
        this.contacts = contacts;
        this.participants = participants;
    }

    Participant of(Participant p) {
        if (p.language() != null) {
            return p;
        }
        Optional<Language> known = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()))
                .flatMap(c -> Language.parse(c.language()));
        known.ifPresent(l -> participants.setLanguage(p.id(), l));
        return known.map(l -> new Participant(p.id(), p.channel(), p.address(), l, p.displayName())).orElse(p);
    }
}
