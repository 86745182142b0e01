package org.engagebot.conversation;

import java.util.List;

/** The result of reading an answer: a normalised value to store, or the reason it was not accepted. */
public sealed interface Validation {

    record Valid(String value) implements Validation {
    }

    /**
     * Not accepted. {@code suggestions} are answers it may have meant ("Did you mean Gwynedd?"), offered as
     * buttons; empty when there is nothing to suggest.
     */
    record Invalid(Text reason, List<Option> suggestions) implements Validation {
        public Invalid {
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        }

        public Invalid(Text reason) {
            this(reason, List.of());
        }
    }
}
