package org.engagebot.consultations;

import org.engagebot.contacts.Reachability;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invites a consultation's audience: one invitee row per channel address, each email with its own reply token
 * ("c-" + random) so replies route to this consultation and person; Telegram with a button to answer in chat.
 * Queued as BULK rows of batch "consultation-invite" with the consultation's id.
 */
@Singleton
class Invitations {
    static final String BATCH = "consultation-invite";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Reachability audience;
    private final ResponseStore responses;
    private final Outbox outbox;
    private final ConsultationTexts texts;

    Invitations(Reachability audience, ResponseStore responses, Outbox outbox, ConsultationTexts texts) {
        this.audience = audience;
        this.responses = responses;
        this.outbox = outbox;
        this.texts = texts;
    }

    static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return ConsultationMailReplies.PREFIX + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Queues the invitations; answers how many per channel. Runs inside the publishing transaction. */
    Map<String, Integer> send(Consultation c, Instant now) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Reachability.Reachable t : audience.all(Reachability.Purpose.ENGAGEMENT, c.audience().filter())) {
            String token = newToken();
            if (responses.invite(c.id(), t.contactId(), t.channel(), t.address(), t.language(), token, now).isEmpty()) {
                continue;
            }
            OutboundMessage m = t.channel().equals("email") ? email(c, t.language(), token) : telegram(c, t.language());
            outbox.enqueue(t.channel(), t.address(), m, Outbox.BULK, BATCH, c.id());
            counts.merge(t.channel(), 1, Integer::sum);
        }
        return counts;
    }

    OutboundMessage email(Consultation c, Language language, String token) {
        String subject = ConsultationTexts.both(l -> texts.say("consultations.invite.subject", l, c.title().in(l),
                c.reference())).label(language);
        String text = texts.invitation(c, true).in(language);
        return new OutboundMessage(subject, text, EmailHtml.of(subject, text, language), null, List.of(), Map.of(),
                token, null);
    }

    OutboundMessage telegram(Consultation c, Language language) {
        Text button = texts.get("consultations.invite.answer-button");
        return new OutboundMessage(null, texts.invitation(c, false).in(language), null, null,
                List.of(new Choice("/consultations " + c.id(), button.label(language))), Map.of(), null, null);
    }
}
