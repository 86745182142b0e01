package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowSource;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat flow of a published consultation, generated from its questions: flow "consultation-ID", steps
 * q1..qN (text → free text up to 5,000 characters; choice and the 1–5 scale → one choice; multi → several),
 * a confirm screen, and the action "consultation-response". Step ids never change for a consultation.
 */
@Singleton
class ConsultationFlows implements FlowSource {
    static final String PREFIX = "consultation-";
    static final String ACTION = "consultation-response";

    private final ConsultationStore store;
    private final ConsultationTexts texts;

    ConsultationFlows(ConsultationStore store, ConsultationTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    static Optional<Long> consultationId(String flowId) {
        if (flowId == null || !flowId.startsWith(PREFIX) || !flowId.substring(PREFIX.length()).matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(flowId.substring(PREFIX.length())));
    }

    @Override
    public Optional<FlowDefinition> find(String flowId) {
        return consultationId(flowId).flatMap(store::byId).filter(Consultation::published).map(this::flow);
    }

    FlowDefinition flow(Consultation c) {
        Text closes = ConsultationTexts.both(l -> texts.say("consultations.intro.closes", l,
                ConsultationTexts.date(c.closesAt(), l)));
        Text intro = c.title().append(c.summary(), "\n\n").append(closes, "\n\n");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < c.questions().size(); i++) {
            steps.add(step(c.questions().get(i), i + 1));
        }
        return new FlowDefinition(c.flowId(), "consultation " + c.reference(), c.title(), intro, List.of(), List.of(),
                false, true, ACTION, steps);
    }

    private Step step(Question q, int number) {
        Text label = texts.get("consultations.question-label").format(number);
        if (q.type().equals("text")) {
            return new Step(q.id(), new StepType.FreeText(1, 5000), q.text(), label,
                    texts.get("consultations.text-hint"), false, null, null);
        }
        List<Option> options = texts.choiceOptions(q);
        StepType type = q.type().equals("multi") ? new StepType.MultiChoice(options, 1, 0) : new StepType.SingleChoice(options);
        return new Step(q.id(), type, q.text(), label, null, false, null, null);
    }
}
