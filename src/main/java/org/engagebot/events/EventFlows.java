package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Condition;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowSource;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Optional;

/**
 * The two flows of an invited event, generated from it so every channel (Telegram, the terminal chat, the web
 * forms at /forms/{flowId}) serves them: "event-rsvp-ID" (will you come, then, for yes or maybe, name, email,
 * access needs, Welsh-English translation, dietary needs; confirm; action "event-rsvp") and "event-question-ID"
 * (one question; action "event-question"). Step ids never change.
 */
@Singleton
class EventFlows implements FlowSource {
    static final String RSVP = "event-rsvp-";
    static final String QUESTION = "event-question-";
    static final String RSVP_ACTION = "event-rsvp";
    static final String QUESTION_ACTION = "event-question";
    private static final List<String> COMING = List.of("yes", "maybe");

    private final EventStore store;
    private final EventTexts texts;

    EventFlows(EventStore store, EventTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    static Optional<Long> eventId(String flowId, String prefix) {
        if (flowId == null || !flowId.startsWith(prefix) || !flowId.substring(prefix.length()).matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(flowId.substring(prefix.length())));
    }

    @Override
    public Optional<FlowDefinition> find(String flowId) {
        Optional<Event> rsvp = eventId(flowId, RSVP).flatMap(store::byId).filter(e -> e.invitedAt() != null);
        if (rsvp.isPresent()) {
            return Optional.of(rsvp(rsvp.get()));
        }
        return eventId(flowId, QUESTION).flatMap(store::byId).filter(e -> e.invitedAt() != null).map(this::question);
    }

    private Text intro(Event e) {
        return texts.text("events.rsvp.intro", l -> new Object[]{e.title().in(l), EventTexts.time(e.startsAt(), l)});
    }

    FlowDefinition rsvp(Event e) {
        Text optional = texts.get("events.rsvp.optional-hint");
        Condition coming = new Condition("answer", COMING);
        List<Step> steps = List.of(
                new Step("answer", new StepType.SingleChoice(RsvpWords.options(texts)),
                        texts.text("events.rsvp.answer.prompt", l -> new Object[]{e.title().in(l)}),
                        texts.get("events.rsvp.answer.label"), null, false, null, null),
                new Step("name", new StepType.FreeText(1, 200), texts.get("events.rsvp.name.prompt"),
                        texts.get("events.rsvp.name.label"), optional, true, coming, "name"),
                new Step("email", new StepType.Email(), texts.get("events.rsvp.email.prompt"),
                        texts.get("events.rsvp.email.label"), texts.get("events.rsvp.email.hint"), true, coming, "email"),
                new Step("access", new StepType.FreeText(1, 1000), texts.get("events.rsvp.access.prompt"),
                        texts.get("events.rsvp.access.label"), optional, true, coming, null),
                new Step("translation", new StepType.YesNo(), texts.get("events.rsvp.translation.prompt"),
                        texts.get("events.rsvp.translation.label"), null, false, coming, null),
                new Step("dietary", new StepType.FreeText(1, 500), texts.get("events.rsvp.dietary.prompt"),
                        texts.get("events.rsvp.dietary.label"), optional, true, coming, null));
        return new FlowDefinition(e.rsvpFlowId(), "event " + e.reference(), e.title(), intro(e), List.of(), List.of(),
                false, true, RSVP_ACTION, steps);
    }

    FlowDefinition question(Event e) {
        Step q = new Step("question", new StepType.FreeText(1, 2000),
                texts.text("events.question.prompt", l -> new Object[]{e.title().in(l)}),
                texts.get("events.question.label"), texts.get("events.question.hint"), false, null, null);
        return new FlowDefinition(e.questionFlowId(), "event " + e.reference(), e.title(), intro(e), List.of(), List.of(),
                false, false, QUESTION_ACTION, List.of(q));
    }
}
