package org.engagebot.consultations;

import io.micronaut.context.annotation.Requires;
import org.engagebot.platform.OneInstance;
import org.engagebot.platform.Transactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Once per consultation, {@code engagebot.consultations.reminder-before} (default 7 days) before it closes,
 * reminds invitees who have not responded on any channel. Checks every
 * {@code engagebot.consultations.reminder-check} (default 15 minutes).
 */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class ReminderJob {
    static final String BATCH = "consultation-reminder";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final ConsultationStore store;
    private final ResponseStore responses;
    private final Invitations invitations;
    private final ConsultationTexts texts;
    private final Outbox outbox;
    private final Transactions tx;
    private final Clock clock;
    private final Duration before;

    ReminderJob(ConsultationStore store, ResponseStore responses, Invitations invitations, ConsultationTexts texts,
                Outbox outbox, Transactions tx, Clock clock,
                @Value("${engagebot.consultations.reminder-before:7d}") Duration before) {
        this.store = store;
        this.responses = responses;
        this.invitations = invitations;
        this.texts = texts;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.before = before;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.consultations.reminder-check:15m}", initialDelay = "1m")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            LOG.info("Queued {} consultation reminders", sent);
        }
    }

    /** Queues due reminders; returns how many. */
    int run() {
        Instant now = clock.instant();
        int sent = 0;
        for (Consultation c : store.dueForReminder(now, before)) {
            sent += tx.write(() -> {
                List<Invitee> unanswered = responses.unanswered(c.id());
                for (Invitee i : unanswered) {
                    outbox.enqueue(i.channel(), i.address(), message(c, i), Outbox.BULK, BATCH, c.id());
                    responses.markReminded(i.id(), now);
                }
                store.markReminded(c.id(), now);
                return unanswered.size();
            });
        }
        if (sent > 0) {
            outbox.wake("email");
            outbox.wake("telegram");
        }
        return sent;
    }

    private OutboundMessage message(Consultation c, Invitee i) {
        Language l = i.language();
        String intro = ConsultationTexts.both(lang -> texts.say("consultations.reminder.intro", lang, c.title().in(lang),
                ConsultationTexts.date(c.closesAt(), lang))).in(l);
        if (i.channel().equals("email")) {
            OutboundMessage invitation = invitations.email(c, l, i.replyToken());
            String subject = ConsultationTexts.both(lang -> texts.say("consultations.reminder.subject", lang,
                    c.reference(), ConsultationTexts.date(c.closesAt(), lang))).label(l);
            String text = intro + "\n\n" + invitation.text();
            return new OutboundMessage(subject, text, EmailHtml.of(subject, text, l), null, List.of(), Map.of(),
                    i.replyToken(), null);
        }
        List<Choice> button = invitations.telegram(c, l).choices();
        return new OutboundMessage(null, intro, null, null, button, Map.of(), null, null);
    }
}
