package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Participant;

import java.util.Optional;
import java.util.Set;

/**
 * /subscribe and /unsubscribe (/tanysgrifio, /dad-danysgrifio): the newsletter on the channel the person
 * writes from, recorded as consent given or withdrawn there (PECR). Withdrawing is one command, like giving.
 */
@Singleton
class SubscriptionCommands implements CommandHandler {
    private static final Set<String> SUBSCRIBE = Set.of("subscribe", "tanysgrifio");

    private final ContactService contacts;
    private final ConsentService consents;
    private final PrivacySettings settings;
    private final org.engagebot.conversation.Messages messages;

    SubscriptionCommands(ContactService contacts, ConsentService consents, PrivacySettings settings,
                         org.engagebot.conversation.Messages messages) {
        this.contacts = contacts;
        this.consents = consents;
        this.settings = settings;
        this.messages = messages;
    }

    @Override
    public Set<String> commands() {
        return Set.of("subscribe", "tanysgrifio", "unsubscribe", "dad_danysgrifio");
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        Optional<Contact> contact = contacts.forParticipant(participant);
        if (contact.isEmpty()) {
            return Result.say(messages.get("privacy.subscription.register-first"));
        }
        boolean subscribe = SUBSCRIBE.contains(command);
        long id = contact.get().id();
        boolean already = consents.mayReceiveNewsletter(id, participant.channel()) == subscribe;
        if (!already || contact.get().subscribed() != subscribe) {
            contacts.setSubscribed(id, subscribe, participant.channel(), settings.newsletterConsentVersion());
        }
        String key = subscribe ? "privacy.subscribed" : "privacy.unsubscribed";
        return Result.say(messages.get(already ? key + ".already" : key));
    }
}
