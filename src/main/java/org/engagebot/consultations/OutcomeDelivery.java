package org.engagebot.consultations;

import org.engagebot.platform.Transactions;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "You said, we did": records the outcome once and sends it to every respondent (their latest response) on the
 * channel and in the language they responded in, naming their own response ("Your response R-12 of 3 March").
 */
@Singleton
class OutcomeDelivery {
    static final String BATCH = "consultation-outcome";

    private final ConsultationStore store;
    private final ResponseStore responses;
    private final ConsultationTexts texts;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    OutcomeDelivery(ConsultationStore store, ResponseStore responses, ConsultationTexts texts, Notifier notifier,
                    AuditLog audit, Transactions tx, Clock clock) {
        this.store = store;
        this.responses = responses;
        this.texts = texts;
        this.notifier = notifier;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Number of respondents told; empty when there is no such consultation or its outcome was already given. */
    Optional<Integer> deliver(long id, Text outcome, String actor) {
        Instant now = clock.instant();
        Optional<Integer> told = tx.write(() -> {
            Optional<Consultation> c = store.byId(id);
            if (c.isEmpty() || !c.get().published() || !store.setOutcome(id, outcome, now)) {
                return Optional.empty();
            }
            List<Response> current = responses.current(id);
            for (Response r : current) {
                notifier.send(r.recipient(), message(c.get(), outcome, r), Outbox.BULK, BATCH, id);
                responses.markOutcomeSent(r.id(), now);
            }
            audit.record(actor, "consultation.outcome", c.get().reference(), "sent to " + current.size());
            return Optional.of(current.size());
        });
        told.ifPresent(n -> {
            notifier.wake("email");
            notifier.wake("telegram");
        });
        return told;
    }

    OutboundMessage message(Consultation c, Text outcome, Response r) {
        Notifier.Recipient to = r.recipient();
        Language l = to.language();
        String text = ConsultationTexts.both(lang -> texts.say("consultations.outcome.intro", lang, c.title().in(lang),
                r.reference(), ConsultationTexts.date(r.receivedAt(), lang)) + "\n\n" + outcome.in(lang) + "\n\n"
                + texts.say("consultations.outcome.more", lang, texts.pageUrl(c, lang))).in(l);
        if (!to.byEmail()) {
            return OutboundMessage.text(text);
        }
        String subject = ConsultationTexts.both(lang -> texts.say("consultations.outcome.subject", lang,
                c.title().in(lang))).label(l);
        return new OutboundMessage(subject, text, EmailHtml.of(subject, text, l), null, List.of(), Map.of(), null,
                r.messageId());
    }
}
