package org.engagebot.conversation;

import java.util.List;

/** The kinds of question a flow can ask; each validates and normalises its own answers (see {@link AnswerValidator}). */
public sealed interface StepType {

    String name();

    record FreeText(int minLength, int maxLength) implements StepType {
        public String name() { return "text"; }
    }

    record Email() implements StepType {
        public String name() { return "email"; }
    }

    record Phone() implements StepType {
        public String name() { return "phone"; }
    }

    record Url() implements StepType {
        public String name() { return "url"; }
    }

    record Postcode() implements StepType {
        public String name() { return "postcode"; }
    }

    record SingleChoice(List<Option> options) implements StepType {
        public String name() { return "choice"; }
    }

    record MultiChoice(List<Option> options, int min, int max) implements StepType {
        public String name() { return "multi-choice"; }
    }

    /**
     * Yes or no. {@code verb} names the Welsh verb the question is asked with (answers/vocabulary.yaml
     * welsh-verbs, e.g. "hoffi": Hoffwn / Na hoffwn), so buttons and summary answer in kind; null: Ie / Na.
     */
    record YesNo(String verb) implements StepType {
        public YesNo() {
            this(null);
        }

        public String name() { return "yes-no"; }
    }

    /** A date; {@code future} restricts to today or later, {@code past} to today or earlier. */
    record Date(boolean future, boolean past) implements StepType {
        public String name() { return "date"; }
    }

    /**
     * Agreement to a versioned wording; {@code required} means the flow cannot complete without it (a refusal
     * ends the conversation kindly). {@code verb} as for {@link YesNo}.
     */
    record Consent(String purpose, String version, boolean required, String verb) implements StepType {
        public Consent(String purpose, String version, boolean required) {
            this(purpose, version, required, null);
        }

        public String name() { return "consent"; }
    }
}
