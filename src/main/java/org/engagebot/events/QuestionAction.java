package org.engagebot.events;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Text;

import java.time.Clock;
import java.util.Optional;

/** Receives a question sent through an event's question flow (chat or web). */
@Singleton
@Named(EventFlows.QUESTION_ACTION)
class QuestionAction implements FlowAction {
    private final EventStore events;
    private final Questions questions;
    private final People people;
    private final EventTexts texts;
    private final Clock clock;

    QuestionAction(EventStore events, Questions questions, People people, EventTexts texts, Clock clock) {
        this.events = events;
        this.questions = questions;
        this.people = people;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return EventFlows.QUESTION_ACTION;
    }

    @Override
    public Outcome complete(Completion c) {
        Optional<Event> e = EventFlows.eventId(c.flow().id(), EventFlows.QUESTION).flatMap(events::byId);
        if (e.isEmpty()) {
            return Outcome.of(texts.get("events.not-found"));
        }
        Text reply = questions.ask(e.get(), people.of(c.participant(), null, null), c.answer("question"), null,
                clock.instant()).orElseThrow();
        return Outcome.of(reply);
    }
}
