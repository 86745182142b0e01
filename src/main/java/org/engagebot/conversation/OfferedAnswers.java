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
        Optional<AnswerReader.Read> other = otherAnswer(step, t.text(), suggested.get());
        if (other.isPresent()) {
            return other; // "no, it's Conwy", "ia, Conwy": the answer named, not the one suggested
        }
        return switch (reader.meaning(t.text())) {
            case YES -> Optional.of(reader.read(step, new Input.Picked(ChoiceValues.answer(step.id(), suggested.get())),
                    Map.of()));
            case NO -> Optional.of(new AnswerReader.Read.Rejected(messages.get("query.not-that")));
            default -> Optional.empty();
        };
    }

    /** Another answer named after a leading yes or no ("Na, Conwy" when Gwynedd was suggested). */
    private Optional<AnswerReader.Read> otherAnswer(Step step, String text, String suggested) {
        java.util.List<String> words = Fold.words(text);
        for (int n = Math.min(3, words.size() - 1); n >= 1; n--) {
            String head = String.join(" ", words.subList(0, n));
            if (YES_OR_NO.stream().anyMatch(k -> VOCABULARY.is(k, head))) {
                AnswerReader.Read rest = reader.read(step, new Input.Typed(String.join(" ", words.subList(n, words.size()))),
                        Map.of());
                return rest instanceof AnswerReader.Read.Accepted a && !a.value().isEmpty() && !a.value().equals(suggested)
                        ? Optional.of(rest) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static final Vocabulary VOCABULARY = Vocabulary.standard();
    private static final java.util.List<Vocabulary.Kind> YES_OR_NO = java.util.List.of(Vocabulary.Kind.YES,
            Vocabulary.Kind.NO, Vocabulary.Kind.YES_ALONE, Vocabulary.Kind.NO_ALONE);

    /** "2" at a choice is its second option, not the no of a yes/no button pair. */
    private static boolean numbersAnOption(Step step, String text) {
        return (step.type() instanceof StepType.SingleChoice || step.type() instanceof StepType.MultiChoice)
                && text.strip().matches("[0-9][0-9 ,]*");
    }
}
