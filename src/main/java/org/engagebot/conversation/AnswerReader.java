package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an input (typed text, a tapped button, a sticker) into an answer for the step being asked. */
@Singleton
public class AnswerReader {
    private final AnswerValidator validator;
    private final Messages messages;
    private final Vocabulary vocabulary = Vocabulary.standard();
    private final ChoiceMatcher matcher = new ChoiceMatcher(Vocabulary.standard());
    private final PhraseScan summaryScan = new PhraseScan(vocabulary, EnumSet.of(Vocabulary.Kind.SUMMARY_CONFIRM,
            Vocabulary.Kind.YES, Vocabulary.Kind.POLITE, Vocabulary.Kind.FILLER));

    public AnswerReader(AnswerValidator validator, Messages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** The texts its reasons come from, for readers of whole forms ({@link FormMode}). */
    Messages messages() {
        return messages;
    }

    sealed interface Read {
        record Accepted(String value) implements Read {
        }

        /** Not taken: the reason, and answers it may have meant to offer as buttons. */
        record Rejected(Text reason, List<Option> suggestions) implements Read {
            Rejected(Text reason) {
                this(reason, List.of());
            }
        }

        /** A required consent was refused: the conversation cannot go on. */
        record Declined() implements Read {
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
        if (step.skippedBy(text, validator, vocabulary, false)) {
            // "none", "don't have one": a skip where the step is optional; where it is required, say so plainly
            // rather than "that does not look like a phone number".
            return step.optional() ? new Read.Accepted("") : new Read.Rejected(messages.get("invalid.required"));
        }
        if (refusesRequiredConsent(step, validator.meaning(text))) {
            return new Read.Declined();
        }
        Read read = fromValidation(validator.validate(step.type(), text));
        return read instanceof Read.Rejected ? postcodeTyped(step, text).orElse(read) : read;
    }

    /** A postcode typed for a choice whose options have a postcode table ("LL57 2DG"): "Is that Gwynedd?". */
    private Optional<Read> postcodeTyped(Step step, String text) {
        return step.impliedByTyped(text).map(i -> new Read.Rejected(i.question(messages), List.of(i.option())));
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
            return fromValidation(validator.validate(step.type(), known.get(step.prefill()), true));
        }
        if (refusesRequiredConsent(step, "no".equals(picked) ? YesNoReader.Meaning.NO : YesNoReader.Meaning.UNKNOWN)) {
            return new Read.Declined();
        }
        return fromValidation(validator.validate(step.type(), picked, true));
    }

    private static boolean refusesRequiredConsent(Step step, YesNoReader.Meaning meaning) {
        return step.type() instanceof StepType.Consent c && c.required() && meaning == YesNoReader.Meaning.NO;
    }

    YesNoReader.Meaning meaning(String text) {
        return validator.meaning(text);
    }

    /** What was chosen at the summary: a button's value, its label typed in either language, or yes (confirm) / no (change). */
    String summaryChoice(Input in) {
        if (in instanceof Input.Picked p) {
            return p.value();
        }
        if (!(in instanceof Input.Typed t)) {
            return "";
        }
        String s = Fold.fold(t.text());
        if (s.equals("1") || label("choice.confirm", s) || confirms(s)) {
            return ChoiceValues.CONFIRM;
        }
        if (s.equals("2") || label("choice.edit", s) || vocabulary.is(Vocabulary.Kind.SUMMARY_EDIT, s)) {
            return ChoiceValues.EDIT;
        }
        if (s.equals("3") || label("choice.cancel", s) || vocabulary.is(Vocabulary.Kind.SUMMARY_CANCEL, s)) {
            return ChoiceValues.CANCEL;
        }
        if (asksForAChange(t.text())) {
            return ChoiceValues.EDIT;
        }
        return switch (validator.meaning(t.text())) {
            case YES -> ChoiceValues.CONFIRM;
            case NO -> ChoiceValues.EDIT;
            default -> "";
        };
    }

    /**
     * "looks good, send it", "all correct, thanks": only confirming phrases (a summary confirm word or a yes),
     * politeness and fillers, with at least one confirm word.
     */
    private boolean confirms(String folded) {
        boolean said = false;
        for (PhraseScan.Match m : summaryScan.scan(Fold.words(folded))) {
            if (m.kind() == null) {
                return false;
            }
            said |= m.kind() == Vocabulary.Kind.SUMMARY_CONFIRM;
        }
        return said;
    }

    /**
     * "I need to change the phone number", "the email is wrong", "mae angen newid y ffôn": a sentence with a word of
     * change or error in it, not negated in the two words before it ("no changes", "nothing to change", "dim angen newid"), asks to change an answer.
     */
    private boolean asksForAChange(String text) {
        List<String> words = Fold.words(text);
        for (int i = 0; i < words.size(); i++) {
            if (vocabulary.containsWord(Vocabulary.Kind.SUMMARY_EDIT_WORD, List.of(words.get(i)))
                    && !vocabulary.containsWord(Vocabulary.Kind.NEGATION, words.subList(Math.max(0, i - 2), i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether typed text is a button's label in either language, ignoring case and accents. */
    boolean isLabel(String key, String typed) {
        return label(key, Fold.fold(typed));
    }

    private boolean label(String key, String folded) {
        Text label = messages.get(key);
        return folded.equals(Fold.fold(label.en())) || folded.equals(Fold.fold(label.cy()));
    }

    Optional<Step> stepToEdit(FlowDefinition flow, Map<String, String> answers, Input in) {
        Map<String, String> applicable = flow.applicableAnswers(answers);
        List<Step> editable = flow.steps().stream().filter(s -> applicable.containsKey(s.id())).toList();
        if (in instanceof Input.Picked p && p.value().startsWith("e:")) {
            return editable.stream().filter(s -> s.id().equals(p.value().substring(2))).findFirst();
        }
        if (in instanceof Input.Typed t) {
            List<Option> byLabel = editable.stream().map(s -> new Option(s.id(), s.label())).toList();
            // a label ("Gwefan"), else a name of the answer in a sentence ("dwi isio newid y wefan": mutated)
            return matcher.single(byLabel, t.text()) instanceof ChoiceMatcher.Found f
                    ? editable.stream().filter(s -> s.id().equals(f.values().get(0))).findFirst()
                    : AnswerNames.standard().mentioned(editable, t.text());
        }
        return Optional.empty();
    }

    private static Read fromValidation(Validation v) {
        if (v instanceof Validation.Valid ok) {
            return new Read.Accepted(ok.value());
        }
        Validation.Invalid invalid = (Validation.Invalid) v;
        return new Read.Rejected(invalid.reason(), invalid.suggestions());
    }
}
