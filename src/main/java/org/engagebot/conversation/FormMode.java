package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's form mode: a flow answered all at once (an email form, a web page) instead of step by step.
 * Given the answers kept so far and a map of step id → raw answer, it says what is accepted, what is invalid and
 * why, what is still missing, and whether the flow is ready for its summary or for completion. It applies the
 * chat's rules: the same validator, conditions ({@link Step#appliesTo}), prefill from known details, skip words
 * ({@link Step#skippedBy}) and summary confirm words ({@link AnswerReader#summaryChoice}). Channels render
 * the form and the outcome; they keep no flow rules of their own.
 */
@Singleton
public class FormMode {
    /** What a form's answers came to. */
    public enum Stage {
        /** Something is invalid or still missing: ask for it again. */
        ASKING,
        /** All answered and valid; the flow has a summary to confirm. */
        SUMMARY,
        /** All answered and valid; the flow has no summary: complete it now. */
        COMPLETE
    }

    /**
     * @param answers      every accepted answer that still applies (earlier ones included)
     * @param invalid      the reason for each answer not taken, by step id
     * @param missing      the steps that apply and have no answer yet, in flow order
     * @param fromPostcode answers the form left blank and the postcode of an earlier answer filled (the visit form's
     *                     area), by step id, with that postcode's district ("LL57"): a summary says so
     * @param suggested    for a missing step an earlier answer's postcode names an option of, while something else is
     *                     still wrong or missing, that suggestion to show beside the question ("The postcode LL57 is in
     *                     Gwynedd: leave this answer blank to use it"), by step id
     */
    public record Outcome(Stage stage, Map<String, String> answers, Map<String, Text> invalid, List<Step> missing,
                          Map<String, String> fromPostcode, Map<String, Text> suggested) {
    }

    private final AnswerValidator validator;
    private final AnswerReader reader;
    private final List<KnownDetails> knownDetails;
    private final Vocabulary vocabulary = Vocabulary.standard();

    public FormMode(AnswerValidator validator, AnswerReader reader, List<KnownDetails> knownDetails) {
        this.validator = validator;
        this.reader = reader;
        this.knownDetails = knownDetails;
    }

    public Outcome fill(Participant p, FlowDefinition flow, Map<String, String> earlier, Map<String, String> raw) {
        Map<String, String> answers = new LinkedHashMap<>(earlier);
        Map<String, Text> invalid = new LinkedHashMap<>();
        Map<String, String> known = flow.steps().stream().anyMatch(s -> s.prefill() != null) ? known(p) : Map.of();
        for (Step step : flow.steps()) {
            if (raw.containsKey(step.id()) && step.appliesTo(answers)) {
                accept(step, raw.get(step.id()), known, answers, invalid);
            }
        }
        answers.keySet().removeIf(id -> flow.step(id).map(st -> !st.appliesTo(answers)).orElse(true));
        invalid.keySet().removeIf(id -> flow.step(id).map(st -> !st.appliesTo(answers)).orElse(true));
        Map<String, String> fromPostcode = fromPostcode(flow, answers, invalid);
        List<Step> missing = missing(flow, answers);
        Stage stage = !invalid.isEmpty() || !missing.isEmpty() ? Stage.ASKING
                : flow.confirm() ? Stage.SUMMARY : Stage.COMPLETE;
        return new Outcome(stage, answers, invalid, missing, fromPostcode, suggested(missing, answers));
    }

    /** The option each missing step's postcode names, offered again while other answers are put right. */
    private Map<String, Text> suggested(List<Step> missing, Map<String, String> answers) {
        Map<String, Text> out = new LinkedHashMap<>();
        for (Step step : missing) {
            step.impliedBy(answers).ifPresent(i -> out.put(step.id(), i.formHint(reader.messages())));
        }
        return out;
    }

    /**
     * Once nothing else is wrong or missing, a choice left blank whose option an earlier answer's postcode names
     * ({@code postcode-from}) takes that option, in a flow with a summary to show it on.
     */
    private Map<String, String> fromPostcode(FlowDefinition flow, Map<String, String> answers, Map<String, Text> invalid) {
        List<Step> missing = missing(flow, answers);
        if (!flow.confirm() || !invalid.isEmpty() || missing.isEmpty()
                || !missing.stream().allMatch(st -> st.impliedBy(answers).isPresent())) {
            return Map.of();
        }
        Map<String, String> filled = new LinkedHashMap<>();
        for (Step step : missing) {
            step.impliedBy(answers).ifPresent(i -> {
                answers.put(step.id(), i.option().value());
                filled.put(step.id(), i.district());
            });
        }
        return filled;
    }

    /** The steps that apply to these answers and are not answered yet. */
    public List<Step> missing(FlowDefinition flow, Map<String, String> answers) {
        return flow.steps().stream().filter(st -> st.appliesTo(answers) && !answers.containsKey(st.id())).toList();
    }

    /** Whether typed text confirms a summary, as in chat ("confirm", "cadarnhau", "yes", "iawn", the button's label). */
    public boolean confirms(String typed) {
        return typed != null && !typed.isBlank()
                && ChoiceValues.CONFIRM.equals(reader.summaryChoice(new Input.Typed(typed.strip())));
    }

    /** The details already known about the participant, by prefill key (e.g. "email"). */
    public Map<String, String> known(Participant p) {
        Map<String, String> all = new HashMap<>();
        knownDetails.forEach(k -> all.putAll(k.of(p)));
        return all;
    }

    /**
     * One answer: blank takes the known detail the step offers, else leaves an optional step empty and a required
     * one missing; a skip word leaves an optional step empty and a required one missing; anything else is validated.
     */
    private void accept(Step step, String value, Map<String, String> known, Map<String, String> answers,
                        Map<String, Text> invalid) {
        String candidate = value == null ? "" : value.strip();
        boolean skip = !candidate.isEmpty() && step.skippedBy(candidate, validator, vocabulary, true);
        if (candidate.isEmpty() || skip) {
            String prefill = step.prefill() == null ? null : known.get(step.prefill());
            if (!skip && prefill != null && !prefill.isBlank()) {
                candidate = prefill;
            } else {
                if (step.optional()) {
                    answers.put(step.id(), "");
                    invalid.remove(step.id());
                }
                return;
            }
        }
        Validation v = validator.validate(step.type(), candidate);
        if (v instanceof Validation.Valid ok) {
            answers.put(step.id(), ok.value());
            invalid.remove(step.id());
        } else {
            answers.remove(step.id());
            invalid.put(step.id(), ((Validation.Invalid) v).reason());
        }
    }
}
