package org.engagebot.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a flow's current step: its prompt, a known detail offered as its default, and the option an earlier answer's
 * postcode implies ("Is that Gwynedd?", noted in the session so a typed yes takes it) unless it was turned down.
 */
final class Asking {
    private final SessionStore sessions;
    private final Prompter prompter;
    private final List<KnownDetails> knownDetails;

    Asking(SessionStore sessions, Prompter prompter, List<KnownDetails> knownDetails) {
        this.sessions = sessions;
        this.prompter = prompter;
        this.knownDetails = knownDetails;
    }

    List<Reply> ask(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        Step step = flow.step(s.stepId()).orElseThrow();
        Optional<Step.Implied> implied = step.impliedBy(s.answers())
                .filter(i -> !Markers.get(s, Markers.NOT_THAT).orElse("").equals(step.id() + ":" + i.option().value()));
        implied.ifPresent(i -> sessions.save(Markers.note(s, Markers.SUGGESTED, i.option().value())));
        prompter.ask(out, step, known(p, step), implied);
        return out.build();
    }

    /** Known details, looked up only for a step that offers one as its default. */
    Map<String, String> known(Participant p, Step step) {
        if (step.prefill() == null) {
            return Map.of();
        }
        Map<String, String> all = new HashMap<>();
        knownDetails.forEach(k -> all.putAll(k.of(p)));
        return all;
    }
}
