package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "You said, we did": records the feedback once and sends it to every attendee (marked attended, or everyone who
 * held a place when attendance was not taken) and everyone who asked a question in time, once per person, on the
 * channel they used and in their language, with the recording's link when there is one.
 */
@Singleton
class FeedbackDelivery {
    static final String BATCH = "event-feedback";

    private final EventStore events;
    private final RsvpStore rsvps;
    private final QuestionStore questions;
    private final EventTexts texts;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    FeedbackDelivery(EventStore events, RsvpStore rsvps, QuestionStore questions, EventTexts texts, Notifier notifier,
                     AuditLog audit, Transactions tx, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.questions = questions;
        this.texts = texts;
        this.notifier = notifier;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** How many people were told; empty when there is no such event or feedback was already given. */
    Optional<Integer> deliver(long id, Text feedback, String actor) {
        Instant now = clock.instant();
        Optional<Integer> told = tx.write(() -> {
            Optional<Event> e = events.byId(id);
            if (e.isEmpty() || !events.setFeedback(id, feedback, now)) {
                return Optional.empty();
            }
            Map<String, Person> people = new LinkedHashMap<>();
            for (Rsvp r : rsvps.attendees(id)) {
                people.putIfAbsent(r.person().key(), r.person());
                rsvps.markFeedbackSent(r.id(), now);
            }
            for (Question q : questions.askers(id)) {
                people.putIfAbsent(q.person().key(), q.person());
                questions.markFeedbackSent(q.id(), now);
            }
            int n = 0;
            for (Person p : people.values()) {
                if (p.reachable()) {
                    Notifier.Recipient to = new Notifier.Recipient(p.channel(), p.address(), p.language());
                    notifier.send(to, message(e.get(), feedback, to), Outbox.BULK, BATCH, id);
                    n++;
                }
            }
            audit.record(actor, "event.feedback", e.get().reference(), "sent to " + n);
            return Optional.of(n);
        });
        told.ifPresent(n -> {
            notifier.wake("email");
            notifier.wake("telegram");
        });
        return told;
    }

    OutboundMessage message(Event e, Text feedback, Notifier.Recipient to) {
        Language l = to.language();
        String text = EventTexts.both(x -> {
            StringBuilder b = new StringBuilder(texts.say("events.feedback.intro", x, e.title().in(x),
                    EventTexts.day(e.startsAt(), x))).append("\n\n").append(feedback.in(x));
            if (e.recordingUrl() != null) {
                b.append("\n\n").append(texts.say("events.feedback.recording", x, e.recordingUrl()));
            }
            return b.append("\n\n").append(texts.say("events.feedback.more", x, texts.pageUrl(e, x))).toString();
        }).in(l);
        if (!to.byEmail()) {
            return OutboundMessage.text(text);
        }
        String subject = texts.text("events.feedback.subject", x -> new Object[]{e.title().in(x)}).label(l);
        return new OutboundMessage(subject, text, EmailHtml.of(subject, text, l), null, List.of(), Map.of(), null, null);
    }
}
