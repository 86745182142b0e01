package org.engagebot.conversation;

import java.util.Map;
import java.util.Optional;

/**
 * Typed replies to what a question offered as a button: the "Use …" button's label typed instead of tapped, and a
 * yes or no after "Did you mean …?" with one suggestion.
 */
final class OfferedAnswers {
    private final AnswerReader reader;
    private final Messages messages;
    private final KnownDetailLabel knownLabel;

    OfferedAnswers(AnswerReader reader, Messages messages) {
        this.reader = reader;
        this.messages = messages;
        this.knownLabel = new KnownDetailLabel(messages);
    }

    /** Whether the answer may take a known detail: the "Use …" button, or what could be its label typed. */
    boolean mayUseKnown(Step step, Input in) {
        if (step.prefill() == null) {
            return false;
        }
        if (in instanceof Input.Picked picked) {
            return picked.value().equals(ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT));
        }
        return in instanceof Input.Typed t && knownLabel.couldBe(t.text());
    }

    /** The "Use …" button's label typed instead of tapped ("use jo@example.org") picks the known detail. */
    Input usedKnown(Step step, Input in, Map<String, String> known) {
        String value = step.prefill() == null ? null : known.get(step.prefill());
        if (value == null || !(in instanceof Input.Typed t)) {
            return in;
        }
        String shown = step.type() instanceof StepType.Phone ? PhoneReader.display(value) : value;
        Text label = messages.get("choice.use-known", shown);
        String typed = Fold.fold(t.text());
        return typed.equals(Fold.fold(label.en())) || typed.equals(Fold.fold(label.cy()))
                ? new Input.Picked(ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT)) : in;
    }

    /** After "Did you mean …?" with one suggestion, a typed yes takes it and a typed no asks the question again. */
    Optional<AnswerReader.Read> suggestionTaken(Step step, Session s, Input in) {
        Optional<String> suggested = Markers.get(s, Markers.SUGGESTED);
        if (suggested.isEmpty() || !(in instanceof Input.Typed t) || numbersAnOption(step, t.text())) {
            return Optional.empty();
        }
        return switch (reader.meaning(t.text())) {
            case YES -> Optional.of(reader.read(step, new Input.Picked(ChoiceValues.answer(step.id(), suggested.get())),
                    Map.of()));
            case NO -> Optional.of(new AnswerReader.Read.Rejected(messages.get("query.not-that")));
            default -> Optional.empty();
        };
    }

    /** "2" at a choice is its second option, not the no of a yes/no button pair. */
    private static boolean numbersAnOption(Step step, String text) {
        return (step.type() instanceof StepType.SingleChoice || step.type() instanceof StepType.MultiChoice)
                && text.strip().matches("[0-9][0-9 ,]*");
    }
}
