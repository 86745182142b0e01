package org.engagebot.events;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Receives the answers of an event's RSVP flow (chat or web) and applies the RSVP rules. */
@Singleton
@Named(EventFlows.RSVP_ACTION)
class RsvpAction implements FlowAction {
    private final EventStore events;
    private final Rsvps rsvps;
    private final People people;
    private final EventTexts texts;
    private final Clock clock;

    RsvpAction(EventStore events, Rsvps rsvps, People people, EventTexts texts, Clock clock) {
        this.events = events;
        this.rsvps = rsvps;
        this.people = people;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return EventFlows.RSVP_ACTION;
    }

    @Override
    public Outcome complete(Completion c) {
        Instant now = clock.instant();
        Optional<Event> found = EventFlows.eventId(c.flow().id(), EventFlows.RSVP).flatMap(events::byId);
        if (found.isEmpty() || !found.get().openAt(now)) {
            return Outcome.of(found.map(e -> texts.text("events.closed", l -> new Object[]{e.title().in(l)}))
                    .orElse(texts.get("events.not-found")));
        }
        RsvpAnswers a = new RsvpAnswers(Rsvp.Answer.of(c.answer("answer")), blankToNull(c.answer("access")),
                c.yes("translation"), blankToNull(c.answer("dietary")), blankToNull(c.answer("name")),
                blankToNull(c.answer("email")));
        Person person = people.of(c.participant(), a.name(), a.email());
        return Outcome.of(rsvps.answer(found.get(), person, a, now).acknowledgement());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
