package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.platform.AuditLog;

import java.util.Optional;
import java.util.Set;

/**
 * /subscribe and /unsubscribe (/tanysgrifio, /dad-danysgrifio): the newsletter on the channel the person
 * writes from, recorded as consent given or withdrawn there (PECR), with one consent version and an audit entry.
 * Withdrawing is one command, like giving. The one unsubscribe for every channel: an email saying "unsubscribe"
 * (the newsletter's mailto) comes here too, and finds the contact by the sender's address when the email
 * participant is not linked yet; its answer names that address.
 */
@Singleton
class SubscriptionCommands implements CommandHandler {
    private static final Set<String> SUBSCRIBE = Set.of("subscribe", "tanysgrifio");
    private static final String EMAIL = "email";

    private final ContactService contacts;
    private final ConsentService consents;
    private final PrivacySettings settings;
    private final Messages messages;
    private final AuditLog audit;

    SubscriptionCommands(ContactService contacts, ConsentService consents, PrivacySettings settings,
                         Messages messages, AuditLog audit) {
        this.contacts = contacts;
        this.consents = consents;
        this.settings = settings;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public Set<String> commands() {
        return Set.of("subscribe", "tanysgrifio", "unsubscribe", "dad_danysgrifio");
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        boolean email = EMAIL.equals(participant.channel());
        Optional<Contact> contact = contacts.forParticipant(participant)
                .or(() -> email ? contacts.byEmail(participant.address()) : Optional.empty());
        boolean subscribe = SUBSCRIBE.contains(command);
        if (contact.isEmpty()) {
            return Result.say(email && !subscribe ? messages.get("privacy.email.not-listed", participant.address())
                    : messages.get("privacy.subscription.register-first"));
        }
        long id = contact.get().id();
        boolean changed = consents.mayReceiveNewsletter(id, participant.channel()) != subscribe
                || contact.get().subscribed() != subscribe;
        if (changed) {
            contacts.setSubscribed(id, subscribe, participant.channel(), settings.newsletterConsentVersion());
            audit.record("contact", subscribe ? "newsletter.subscribe" : "newsletter.unsubscribe", "contact:" + id,
                    participant.channel() + " /" + command);
        }
        if (email && !subscribe) {
            return Result.say(messages.get(changed ? "privacy.email.unsubscribed" : "privacy.email.unsubscribed.already",
                    participant.address()));
        }
        String key = subscribe ? "privacy.subscribed" : "privacy.unsubscribed";
        return Result.say(messages.get(changed ? key : key + ".already"));
    }
}
