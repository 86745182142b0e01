package org.engagebot.events;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.platform.OneInstance;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reminds everyone holding a place 7 days and 1 day before an event, on the channel they answered on and in their
 * language: once each, since the event row records each reminder in the same transaction that queues it. The 7-day
 * one goes in the day before the 7-day mark (so an event invited at shorter notice gets only the 1-day one). Checks every
 * {@code engagebot.events.reminder-check} (default 15 minutes), by the service's clock.
 */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class ReminderJob {
    static final String BATCH = "event-reminder";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final EventStore events;
    private final RsvpStore rsvps;
    private final Invitations invitations;
    private final EventTexts texts;
    private final Outbox outbox;
    private final Transactions tx;
    private final Clock clock;

    ReminderJob(EventStore events, RsvpStore rsvps, Invitations invitations, EventTexts texts, Outbox outbox,
                Transactions tx, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.invitations = invitations;
        this.texts = texts;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    private enum Kind {
        WEEK("reminded_week_at", Duration.ofDays(6), Duration.ofDays(7), "week"),
        DAY("reminded_day_at", Duration.ZERO, Duration.ofDays(1), "day");

        final String column;
        final Duration after;
        final Duration before;
        final String key;

        Kind(String column, Duration after, Duration before, String key) {
            this.column = column;
            this.after = after;
            this.before = before;
            this.key = key;
        }
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.events.reminder-check:15m}", initialDelay = "1m")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            LOG.info("Queued {} event reminders", sent);
        }
    }

    /** Queues the reminders now due; answers how many. */
    int run() {
        Instant now = clock.instant();
        int sent = 0;
        for (Kind kind : Kind.values()) {
            for (Event e : events.dueForReminder(kind.column, now, kind.after, kind.before)) {
                sent += send(e, kind, now);
            }
        }
        if (sent > 0) {
            outbox.wake("email");
            outbox.wake("telegram");
        }
        return sent;
    }

    private int send(Event e, Kind kind, Instant now) {
        return tx.write(() -> {
            if (!events.markReminded(e.id(), kind.column, now)) {
                return 0;
            }
            int n = 0;
            for (Rsvp r : rsvps.going(e.id())) {
                Person p = r.person();
                if (p.reachable()) {
                    outbox.enqueue(p.channel(), p.address(), message(e, kind, p), Outbox.BULK, BATCH, e.id());
                    n++;
                }
            }
            return n;
        });
    }

    private OutboundMessage message(Event e, Kind kind, Person p) {
        Language l = p.language();
        Text intro = texts.text("events.reminder." + kind.key, x -> new Object[]{e.title().in(x),
                EventTexts.time(e.startsAt(), x)});
        Text body = intro.append(invitations.body(e, false), "\n\n").append(texts.get("events.reminder.cancel"), "\n\n");
        if (p.channel().equals("telegram")) {
            List<Choice> buttons = List.of(invitations.buttons(e, l).get(1),
                    new Choice(EventCommands.cancelCommand(e), texts.get("events.button.cancel").label(l)));
            return new OutboundMessage(null, body.in(l), null, null, buttons, Map.of(), null, null);
        }
        String subject = texts.text("events.reminder." + kind.key + ".subject", x -> new Object[]{e.title().in(x)}).label(l);
        String token = rsvpsToken(e, p);
        return new OutboundMessage(subject, body.in(l), EmailHtml.of(subject, body.in(l), l), null, List.of(), Map.of(),
                token, null, List.of(invitations.calendar(e, l)));
    }

    /** The person's invitation token, so a reply ("I can't come after all") is read as their RSVP. */
    private String rsvpsToken(Event e, Person p) {
        return rsvps.invitee(e.id(), "email", p.address()).map(Invitee::replyToken).orElse(null);
    }
}
