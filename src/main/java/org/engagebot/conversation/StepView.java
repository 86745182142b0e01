package org.engagebot.conversation;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Where a participant is, described neutrally and read-only, for channels that show one thing at a time as a page
 * (the web). Texts are in the participant's language. The channel never builds an answer itself: it asks the view
 * for the {@link Input} to send ({@link Question#input}, {@link Question#skip}, {@link Row#change}, {@link #confirm},
 * {@link #back}), which carries the same values as Telegram's buttons, so the engine reads and validates it exactly
 * as in chat.
 *
 * @param kind     QUESTION (a flow step is asked), CHECK_ANSWERS (the summary before completing), or OTHER (anything
 *                 else the engine is waiting for; the channel shows the engine's last reply as it is)
 * @param question the step being asked, for QUESTION
 * @param summary  the answers that count, in step order, for CHECK_ANSWERS
 */
public record StepView(String flowId, String title, Kind kind, @Nullable Question question, List<Row> summary,
                       boolean canGoBack) {

    public enum Kind { QUESTION, CHECK_ANSWERS, OTHER }

    public StepView {
        summary = List.copyOf(summary);
    }

    /**
     * A question. {@code type} is the flow's step type name (text, email, phone, url, postcode, choice,
     * multi-choice, yes-no, date, consent); {@code options} are the answers to pick from, each {@code value} opaque
     * to the channel; {@code current} is what to show in the field (the earlier answer when changing one, else a
     * detail already known); {@code maxLength} 0 means the type's default.
     */
    public record Question(String stepId, String type, String prompt, @Nullable String hint, boolean optional,
                           List<Choice> options, @Nullable String current, int maxLength, boolean changing) {

        public Question {
            options = List.copyOf(options);
        }

        /** The answer to send for what the participant entered or picked (several values for multi-choice). */
        public Input input(List<String> entered) {
            List<String> values = entered.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (type.equals("multi-choice")) {
                return new Input.Picked(ChoiceValues.answer(stepId, String.join(",", values)));
            }
            String first = values.isEmpty() ? "" : values.get(0);
            boolean offered = options.stream().anyMatch(o -> o.value().equals(first));
            return offered ? new Input.Picked(first) : new Input.Typed(first);
        }

        /** Whether an option is the current answer (one of them, for multi-choice). */
        public boolean selected(String optionValue) {
            if (current == null || current.isEmpty()) {
                return false;
            }
            return type.equals("multi-choice") ? List.of(current.split(",")).contains(optionValue) : current.equals(optionValue);
        }

        public Input skip() {
            return new Input.Picked(ChoiceValues.answer(stepId, ChoiceValues.SKIP));
        }
    }

    /** One answer on the check-your-answers summary, as the participant reads it. */
    public record Row(String stepId, String label, String value) {
        public Input change() {
            return new Input.Picked(ChoiceValues.editStep(stepId));
        }
    }

    public static Input confirm() {
        return new Input.Picked(ChoiceValues.CONFIRM);
    }

    /** Chooses the participant's language; where a question is under way the engine asks it again in that language. */
    public static Input language(Language language) {
        return new Input.Picked(ChoiceValues.language(language));
    }

    public static Input back() {
        return new Input.Command("back", "");
    }

    /**
     * "Yes, leave it": the answer to the engine's question whether to leave a flow that holds answers for the one just
     * asked to start, as its button in chat. Send it only when the last replies offered it ({@link #offersLeave}).
     */
    public static Input leave() {
        return new Input.Picked(LeavingFlow.LEAVE);
    }

    public static boolean offersLeave(List<Choice> offered) {
        return offered.stream().anyMatch(c -> c.value().equals(LeavingFlow.LEAVE));
    }
}
