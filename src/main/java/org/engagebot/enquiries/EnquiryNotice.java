package org.engagebot.enquiries;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Messages;

/**
 * Tells staff (engagebot.enquiries.staff-email, if set) that a message has come in, so nobody has to watch the
 * console. The email names the reference, the channel and a link to the console only: the message and the sender
 * stay behind the staff sign-in. Queued in the transaction that stores the message.
 */
@Singleton
class EnquiryNotice {
    private final Notifier notifier;
    private final Messages messages;
    private final String staffEmail;
    private final String publicUrl;

    EnquiryNotice(Notifier notifier, Messages messages,
                  @Nullable @Value("${engagebot.enquiries.staff-email:}") String staffEmail,
                  @Value("${engagebot.public-url:http://localhost:8080}") String publicUrl) {
        this.notifier = notifier;
        this.messages = messages;
        this.staffEmail = staffEmail;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    void tellStaff(long id, String channel) {
        if (staffEmail == null || staffEmail.isBlank()) {
            return;
        }
        String link = publicUrl + "/console/enquiries#e" + id;
        notifier.reply(Notifier.Recipient.staffEmail(staffEmail, null),
                messages.get("enquiries.staff.new", id, channel, link), messages.get("enquiries.staff.new.subject", id),
                "enquiries", null);
    }
}
