package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a participant's current place as a {@link StepView}, read-only, from their session and flow. Options
 * come from the same {@link Prompter} that words chat questions, so the words and values match what chat shows.
 * Empty when the participant has no conversation under way (finished, cancelled, or never started).
 */
@Singleton
public class StepViews {
    private final SessionStore sessions;
    private final FlowRegistry flows;
    private final Prompter prompter;
    private final List<KnownDetails> knownDetails;
    private final Messages messages;

    public StepViews(SessionStore sessions, FlowRegistry flows, Prompter prompter, List<KnownDetails> knownDetails,
                     Messages messages) {
        this.messages = messages;
        this.sessions = sessions;
        this.flows = flows;
        this.prompter = prompter;
        this.knownDetails = knownDetails;
    }

    public Optional<StepView> of(Participant p) {
        return sessions.find(p.id()).map(s -> describe(p, s));
    }

    private StepView describe(Participant p, Session s) {
        Optional<FlowDefinition> found = flows.find(s.flowId());
        if (found.isEmpty()) {
            return new StepView(s.flowId(), "", StepView.Kind.OTHER, null, List.of(), false);
        }
        FlowDefinition flow = found.get();
        String title = flow.title().in(p.language());
        boolean back = !s.history().isEmpty() || s.mode() == Session.Mode.EDITING;
        Optional<Step> step = Optional.ofNullable(s.stepId()).flatMap(flow::step);
        if ((s.mode() == Session.Mode.ASKING || s.mode() == Session.Mode.EDITING) && step.isPresent()) {
            return new StepView(flow.id(), title, StepView.Kind.QUESTION, question(p, s, step.get()), List.of(), back);
        }
        if (s.mode() == Session.Mode.CONFIRMING) {
            Map<String, String> shown = flow.applicableAnswers(s.answers());
            List<StepView.Row> rows = flow.steps().stream().filter(st -> shown.containsKey(st.id()))
                    .map(st -> new StepView.Row(st.id(), st.label().in(p.language()),
                            prompter.display(st, shown.get(st.id()), p.language())))
                    .toList();
            return new StepView(flow.id(), title, StepView.Kind.CHECK_ANSWERS, null, rows, true);
        }
        return new StepView(flow.id(), title, StepView.Kind.OTHER, null, List.of(), back);
    }

    private StepView.Question question(Participant p, Session s, Step step) {
        Map<String, String> known = step.prefill() == null ? Map.of() : known(p);
        ReplyBuilder asked = new ReplyBuilder(p.language());
        prompter.ask(asked, step, known);
        String skip = ChoiceValues.answer(step.id(), ChoiceValues.SKIP);
        String useKnown = ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT);
        List<Choice> options = step.type() instanceof StepType.MultiChoice m
                ? m.options().stream().map(o -> new Choice(o.value(), o.label().label(p.language()))).toList()
                : asked.build().stream().flatMap(r -> r.choices().stream())
                .filter(c -> !c.value().equals(skip) && !c.value().equals(useKnown)).toList();
        String current = s.answers().get(step.id());
        if (current == null && step.prefill() != null) {
            current = known.get(step.prefill());
        }
        boolean picked = step.type() instanceof StepType.SingleChoice || step.type() instanceof StepType.YesNo
                || step.type() instanceof StepType.Consent;
        if (current != null && picked) {
            current = ChoiceValues.answer(step.id(), current);
        } else if (current != null && !current.isEmpty() && step.type() instanceof StepType.Phone) {
            current = PhoneReader.display(current, p.language());
        }
        int max = step.type() instanceof StepType.FreeText t ? t.maxLength() : 0;
        return new StepView.Question(step.id(), step.type().name(), step.prompt().in(p.language()),
                hint(s, step, current, p.language()), step.optional(), options, current, max,
                s.mode() == Session.Mode.EDITING);
    }

    /**
     * The step's hint; where an earlier answer's postcode names an option and none is chosen yet, what it names first
     * ("The postcode LL57 is in Gwynedd."), nothing chosen for the participant (GOV.UK: radios are not pre-selected).
     */
    private String hint(Session s, Step step, String current, Language language) {
        String hint = step.hint() == null ? null : step.hint().in(language);
        Optional<Step.Implied> implied = current != null ? Optional.empty() : step.impliedBy(s.answers())
                .filter(i -> !Markers.get(s, Markers.NOT_THAT).orElse("").equals(step.id() + ":" + i.option().value()));
        return implied.map(i -> i.hint(messages).in(language) + (hint == null ? "" : " " + hint)).orElse(hint);
    }

    private Map<String, String> known(Participant p) {
        Map<String, String> all = new HashMap<>();
        knownDetails.forEach(k -> all.putAll(k.of(p)));
        return all;
    }
}
