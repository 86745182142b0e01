package org.engagebot.contacts.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;

/**
 * What proofs send, all through the outbox in the caller's transaction: the code mail (worded for an address we
 * already hold, or a new one), the warning to the holder's linked channels, and the staff notice when an owner says
 * "this wasn't me" (engagebot.privacy.staff-email, ids only). Links go to {@link ProofLinkController}.
 */
@Singleton
class ProofNotices {
    static final String DENY_PATH = "/public/identity/not-me/";

    private final Notifier notifier;
    private final Messages messages;
    private final IdentitySettings settings;
    private final String publicUrl;
    private final String staffEmail;

    ProofNotices(Notifier notifier, Messages messages, IdentitySettings settings,
                 @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl,
                 @Nullable @Value("${engagebot.privacy.staff-email:}") String staffEmail) {
        this.notifier = notifier;
        this.messages = messages;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.staffEmail = staffEmail;
    }

    /** The secrets a new code goes out with (no confirm link: the code must be typed in the chat that asked). */
    record Secrets(String code, String denyToken) {
    }

    void codeMail(String address, @Nullable Language language, Participant asking, Secrets secrets, boolean held) {
        Text text = withChannel(messages.get(held ? "identity.mail.held" : "identity.mail.new"), channel(asking),
                secrets.code(), minutes(), blockDays(),
                publicUrl + DENY_PATH + secrets.denyToken());
        notifier.reply(new Notifier.Recipient("email", address, language), text, messages.get("identity.mail.subject"),
                null, null);
    }

    /** Tells the holder's linked channels (not the one asking) that someone is trying to use their address. */
    void warnHolder(AddressHolders.Holder holder, Participant asking, String denyToken) {
        Text text = messages.get("identity.holder.warning", blockDays(), publicUrl + DENY_PATH + denyToken);
        for (long id : holder.participantIds()) {
            if (id != asking.id()) {
                notifier.participant(id).map(to -> to.language() == null ? to.inLanguage(holder.language()) : to)
                        .ifPresent(to -> notifier.reply(to, text, messages.get("identity.mail.subject"), null, null));
            }
        }
    }

    void tellStaff(long proofId, long askingParticipant, String channel, Instant blockedUntil, @Nullable String confirmedBy) {
        if (staffEmail == null || staffEmail.isBlank()) {
            return;
        }
        Text text = messages.get("identity.staff.denied", askingParticipant, channel, proofId, blockedUntil.toString());
        if (confirmedBy != null) {
            text = text.append(messages.get("identity.staff.denied.confirmed", confirmedBy), "\n\n");
        }
        notifier.reply(Notifier.Recipient.staffEmail(staffEmail, null), text,
                messages.get("identity.staff.denied.subject"), null, null);
    }

    /** Formats a text whose first argument is itself bilingual. */
    private static Text withChannel(Text template, Text channel, Object... rest) {
        Object[] en = new Object[rest.length + 1];
        Object[] cy = new Object[rest.length + 1];
        en[0] = channel.en();
        cy[0] = channel.cy();
        System.arraycopy(rest, 0, en, 1, rest.length);
        System.arraycopy(rest, 0, cy, 1, rest.length);
        return new Text(String.format(template.en(), en), String.format(template.cy(), cy));
    }

    /** Tells a participant, outside their conversation, what a purpose said (one message). */
    void tell(Participant p, List<Text> texts) {
        texts.stream().reduce((a, b) -> a.append(b, "\n\n"))
                .ifPresent(text -> notifier.reply(Notifier.Recipient.of(p), text, messages.get("identity.mail.subject"),
                        null, null));
    }

    /** How a channel is named in a mail (its raw name when the bundle has no label for it). */
    Text channel(Participant p) {
        Text label = messages.find("identity.channel." + p.channel());
        return label != null ? label : Text.of(p.channel(), p.channel());
    }

    void wake(String... channels) {
        for (String c : channels) {
            notifier.wake(c);
        }
    }

    long minutes() {
        return Math.max(1, settings.codeTtl().toMinutes());
    }

    long blockDays() {
        return Math.max(1, settings.blockAfterDenial().toDays());
    }
}
