package org.engagebot.consultations;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Stores a response completed in chat (the generated consultation flow) and acknowledges it. */
@Singleton
@Named(ConsultationFlows.ACTION)
class ConsultationResponseAction implements FlowAction {
    private final ConsultationStore consultations;
    private final ResponseRecorder recorder;
    private final Clock clock;

    ConsultationResponseAction(ConsultationStore consultations, ResponseRecorder recorder, Clock clock) {
        this.consultations = consultations;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ConsultationFlows.ACTION;
    }

    @Override
    public Outcome complete(Completion completion) {
        Consultation c = ConsultationFlows.consultationId(completion.flow().id()).flatMap(consultations::byId).orElseThrow();
        Map<String, String> answers = new LinkedHashMap<>();
        c.questions().forEach(q -> {
            String a = completion.answer(q.id());
            if (a != null && !a.isEmpty()) {
                answers.put(q.id(), a);
            }
        });
        String text = c.questions().stream().filter(q -> q.type().equals("text") && answers.containsKey(q.id()))
                .map(q -> answers.get(q.id())).collect(Collectors.joining("\n\n"));
        ResponseRecorder.Recorded recorded = recorder.record(c, Incoming.chat(completion.participant(), text, answers,
                clock.instant()));
        return recorded.acknowledgement() == null ? Outcome.of() : Outcome.of(recorded.acknowledgement());
    }
}
