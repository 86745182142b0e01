package org.engagebot.conversation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Unfinished conversations: kept {@code engagebot.session.idle-timeout} (14 days) after the last answer, with one
 * reminder {@code engagebot.session.reminder-after} (24 hours) into each idle spell ("you were part-way through
 * …, carry on?") and a closing message when they are dropped. Produces the messages; the caller delivers them
 * (through the outbox) inside the same transaction. Channel-blind.
 */
@Singleton
public class IdleSessions {
    private static final int BATCH = 200;
    private static final ZoneId OFFICE = ZoneId.of("Europe/London");

    private final SessionStore sessions;
    private final FlowRegistry flows;
    private final Participants participants;
    private final Messages messages;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration reminderAfter;

    public IdleSessions(SessionStore sessions, FlowRegistry flows, Participants participants, Messages messages,
                        Clock clock, @Value("${engagebot.session.idle-timeout:14d}") Duration idleTimeout,
                        @Value("${engagebot.session.reminder-after:24h}") Duration reminderAfter) {
        this.sessions = sessions;
        this.flows = flows;
        this.participants = participants;
        this.messages = messages;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.reminderAfter = reminderAfter;
    }

    /** A message for one participant; {@code subject} is for email. */
    public record Notice(Participant participant, Reply reply, Text subject) {
    }

    /** Reminders due now (each session once per idle spell), marked as sent. */
    public List<Notice> remind() {
        Instant now = clock.instant();
        List<Notice> out = new ArrayList<>();
        if (reminderAfter.compareTo(idleTimeout) >= 0) {
            return out;
        }
        for (Session s : sessions.unremindedIdleSince(now.minus(reminderAfter), BATCH)) {
            if (!s.updatedAt().plus(idleTimeout).isAfter(now)) {
                continue;
            }
            sessions.save(Markers.note(s, Markers.REMINDED, "1"));
            sessions.markReminded(s.participantId(), now);
            Optional<FlowDefinition> flow = flows.find(s.flowId());
            Optional<Participant> p = participants.byId(s.participantId());
            if (flow.isPresent() && p.isPresent()) {
                Instant until = s.updatedAt().plus(idleTimeout);
                ReplyBuilder reply = new ReplyBuilder(p.get().language())
                        .say(messages.get("session.reminder", flow.get().title().en(), flow.get().title().cy(),
                                day(until, Locale.UK), day(until, Locale.forLanguageTag("cy")).replaceFirst("^[Dd]ydd", "ddydd")))
                        .offer("/continue", messages.get("choice.carry-on"))
                        .offer("/cancel", messages.get("choice.stop"));
                out.add(new Notice(p.get(), reply.build().get(0), flow.get().title()));
            }
        }
        return out;
    }

    /** Closes conversations idle for longer than the timeout; a closing message for each that was in a flow. */
    public List<Notice> close() {
        List<Notice> out = new ArrayList<>();
        for (Session s : sessions.idleSince(clock.instant().minus(idleTimeout), BATCH)) {
            sessions.delete(s.participantId());
            Optional<FlowDefinition> flow = flows.find(s.flowId());
            Optional<Participant> p = participants.byId(s.participantId());
            if (flow.isPresent() && p.isPresent()) {
                List<String> commands = flow.get().commands();
                String en = commands.isEmpty() ? "start" : commands.get(0);
                String cy = commands.size() > 1 ? commands.get(1) : en;
                ReplyBuilder reply = new ReplyBuilder(p.get().language()).say(messages.get("session.closed",
                        flow.get().title().en(), flow.get().title().cy(), idleTimeout.toDays(), en, cy));
                out.add(new Notice(p.get(), reply.build().get(0), flow.get().title()));
            }
        }
        return out;
    }

    private static String day(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(at.atZone(OFFICE));
    }
}
