package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.time.Clock;

/** Tells staff (engagebot.privacy.staff-email, if set) that someone was erased; names ids only, never the person. */
@Singleton
class ErasureNotice {
    private final Notifier notifier;
    private final Messages messages;
    private final PrivacySettings settings;
    private final Clock clock;

    ErasureNotice(Notifier notifier, Messages messages, PrivacySettings settings, Clock clock) {
        this.notifier = notifier;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    void tellStaff(String subject, String how) {
        String to = settings.staffEmail();
        if (to == null || to.isBlank()) {
            return;
        }
        Text text = messages.get("privacy.staff.erased", subject, how, clock.instant().toString());
        Text title = messages.get("privacy.staff.erased.subject", subject);
        notifier.reply(Notifier.Recipient.staffEmail(to, null), text, title, "privacy", null);
    }
}
