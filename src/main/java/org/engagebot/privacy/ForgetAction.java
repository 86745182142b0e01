package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.platform.Db;

import java.time.Clock;

/**
 * Completes conversations/forget.yaml: on "yes" erases the person. The goodbye is queued here rather than
 * returned, so its outbox row can be marked for blanking once sent ({@link RetentionJob} scrubs it): after
 * the erasure nothing addressed to the person should outlive its delivery.
 */
@Singleton
class ForgetAction implements FlowAction {
    private final PrivacyService privacy;
    private final Messages messages;
    private final Notifier notifier;
    private final Db db;
    private final Clock clock;

    ForgetAction(PrivacyService privacy, Messages messages, Notifier notifier, Db db, Clock clock) {
        this.privacy = privacy;
        this.messages = messages;
        this.notifier = notifier;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "forget-me";
    }

    @Override
    public Outcome complete(Completion c) {
        if (!c.yes("sure")) {
            return Outcome.of(messages.get("privacy.forget.kept"));
        }
        Participant p = c.participant();
        PrivacyService.Erasure erasure = privacy.erase(p);
        String key = erasure.wasRegistered() ? "privacy.forget.done" : "privacy.forget.not-registered";
        long id = notifier.reply(Notifier.Recipient.of(p), messages.get(key), null, null, null);
        db.insert("INSERT INTO privacy_scrub (outbox_id, created_at) VALUES (?, ?)", id, clock.instant());
        return new Outcome(java.util.List.of());
    }
}
