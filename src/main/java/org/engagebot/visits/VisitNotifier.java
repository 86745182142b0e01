package org.engagebot.visits;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Step;

import java.util.Optional;

/**
 * Queues what visits send: a summary of each new application to the staff address (English, on channel
 * "email"), and each decision to the applicant on the channel and in the language they applied in.
 * Runs inside the caller's transaction; the caller wakes the channel after commit.
 */
@Singleton
class VisitNotifier {
    static final String BATCH = "visit";

    private final Notifier notifier;
    private final VisitTexts texts;
    private final VisitsConfig config;
    private final Provider<FlowRegistry> flows;
    private final String publicUrl;

    VisitNotifier(Notifier notifier, VisitTexts texts, VisitsConfig config,
                  Provider<FlowRegistry> flows, @Value("${engagebot.public-url:http://localhost:8080}") String publicUrl) {
        this.notifier = notifier;
        this.texts = texts;
        this.config = config;
        this.flows = flows;
        this.publicUrl = publicUrl;
    }

    /** Queues the staff summary when {@code engagebot.visits.staff-email} is set; answers whether it did. */
    boolean toStaff(VisitApplication a) {
        String to = config.staffEmail();
        if (to == null || to.isBlank()) {
            return false;
        }
        String subject = "New visit application " + a.reference() + ": " + oneLine(a.organisation());
        notifier.send(Notifier.Recipient.staffEmail(to, Language.EN),
                OutboundMessage.text(staffSummary(a)).withSubject(subject), Outbox.REPLY, BATCH, a.id());
        return true;
    }

    /** Tells the applicant about the application's current status; answers the channel, or empty if unreachable. */
    Optional<String> toApplicant(VisitApplication a) {
        return notifier.participant(a.participantId()).map(p -> {
            notifier.reply(p.inLanguage(a.language()), texts.decision(a), texts.subject(a), BATCH, a.id());
            return p.channel();
        });
    }

    /** Tells the applicant that staff entered the form they sent (paper or email); empty if unreachable. */
    Optional<String> acknowledgeOnBehalf(VisitApplication a, String receivedAs) {
        return notifier.participant(a.participantId()).map(p -> {
            notifier.reply(p.inLanguage(a.language()), texts.enteredOnBehalf(a, receivedAs), texts.subject(a), BATCH, a.id());
            return p.channel();
        });
    }

    private String staffSummary(VisitApplication a) {
        StringBuilder s = new StringBuilder("A new application for a visit by the Commissioner has arrived.\n\n")
                .append("Reference: ").append(a.reference()).append('\n')
                .append("Applied on: ").append(a.channel()).append(", language: ")
                .append(a.language() == null ? "not chosen" : a.language().code()).append("\n\n");
        Optional<FlowDefinition> flow = flows.get().find("visit");
        if (flow.isPresent()) {
            for (Step step : flow.get().steps()) {
                if (a.answers().containsKey(step.id())) {
                    s.append(step.label().en()).append(":\n").append(answer(a.answers().get(step.id()))).append("\n\n");
                }
            }
        } else {
            a.answers().forEach((k, v) -> s.append(k).append(":\n").append(answer(v)).append("\n\n"));
        }
        return s.append("Review it at ").append(publicUrl).append("/api/visits/").append(a.id()).append('\n').toString();
    }

    private static String answer(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
