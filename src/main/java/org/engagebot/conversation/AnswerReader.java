package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns an input (typed text, a tapped button, a sticker) into an answer for the step being asked. */
@Singleton
public class AnswerReader {
    private static final Set<String> SKIP_WORDS = Set.of("skip", "-", "none", "n/a", "hepgor", "dim", "sgipio");

    private final AnswerValidator validator;
    private final Messages messages;

    public AnswerReader(AnswerValidator validator, Messages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    sealed interface Read {
        record Accepted(String value) implements Read {
        }

        record Rejected(Text reason) implements Read {
        }
    }

    Read read(Step step, Input in, Map<String, String> known) {
        if (in instanceof Input.Typed t) {
            return typed(step, t.text());
        }
        if (in instanceof Input.Picked p) {
            return picked(step, p.value(), known);
        }
        if (in instanceof Input.Command c) {
            return new Read.Rejected(messages.get("command.unknown", c.name()));
        }
        return new Read.Rejected(messages.get("input.unsupported-answer"));
    }

    private Read typed(Step step, String text) {
        boolean yesNo = step.type() instanceof StepType.YesNo || step.type() instanceof StepType.Consent;
        String word = ChoiceReader.normalise(text);
        if (step.optional() && SKIP_WORDS.contains(word) && !(yesNo && word.equals("dim"))) {
            return new Read.Accepted("");
        }
        return fromValidation(validator.validate(step.type(), text));
    }

    private Read picked(Step step, String value, Map<String, String> known) {
        String prefix = ChoiceValues.answer(step.id(), "");
        if (!value.startsWith(prefix)) {
            return new Read.Rejected(messages.get("input.stale"));
        }
        String picked = value.substring(prefix.length());
        if (picked.equals(ChoiceValues.SKIP) && step.optional()) {
            return new Read.Accepted("");
        }
        if (picked.equals(ChoiceValues.DEFAULT) && step.prefill() != null && known.containsKey(step.prefill())) {
            return fromValidation(validator.validate(step.type(), known.get(step.prefill())));
        }
        return fromValidation(validator.validate(step.type(), picked));
    }

    String summaryChoice(Input in) {
        if (in instanceof Input.Picked p) {
            return p.value();
        }
        if (in instanceof Input.Typed t) {
            String s = ChoiceReader.normalise(t.text());
            if (Set.of("1", "confirm", "yes", "cadarnhau", "ie", "ydw", "send", "anfon").contains(s)) {
                return ChoiceValues.CONFIRM;
            }
            if (Set.of("2", "change", "edit", "newid", "golygu").contains(s)) {
                return ChoiceValues.EDIT;
            }
            if (Set.of("3", "cancel", "canslo").contains(s)) {
                return ChoiceValues.CANCEL;
            }
        }
        return "";
    }

    Optional<Step> stepToEdit(FlowDefinition flow, Map<String, String> answers, Input in) {
        Map<String, String> applicable = flow.applicableAnswers(answers);
        var editable = flow.steps().stream().filter(s -> applicable.containsKey(s.id())).toList();
        if (in instanceof Input.Picked p && p.value().startsWith("e:")) {
            return editable.stream().filter(s -> s.id().equals(p.value().substring(2))).findFirst();
        }
        if (in instanceof Input.Typed t) {
            String s = ChoiceReader.normalise(t.text());
            if (s.matches("\\d{1,3}")) {
                int n = Integer.parseInt(s);
                return n >= 1 && n <= editable.size() ? Optional.of(editable.get(n - 1)) : Optional.empty();
            }
            return editable.stream().filter(st -> s.equals(ChoiceReader.normalise(st.label().en()))
                    || s.equals(ChoiceReader.normalise(st.label().cy()))).findFirst();
        }
        return Optional.empty();
    }

    private static Read fromValidation(Validation v) {
        if (v instanceof Validation.Valid ok) {
            return new Read.Accepted(ok.value());
        }
        return new Read.Rejected(((Validation.Invalid) v).reason());
    }
}
