package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what the engine says in one turn into a single message in the participant's language (both
 * languages when unknown), with the choices of the last question. One message per turn keeps Telegram's
 * per-chat rate and reads better than a burst.
 */
final class ReplyBuilder {
    static final int MAX_VALUE_BYTES = 64;

    private final Language language;
    private final List<String> parts = new ArrayList<>();
    private final List<Choice> choices = new ArrayList<>();
    private String problem;

    ReplyBuilder(Language language) {
        this.language = language;
    }

    ReplyBuilder say(Text text) {
        if (text != null) {
            parts.add(text.in(language));
        }
        return this;
    }

    /** Says why the last answer was not taken; also kept apart on the reply for channels that show it by the field. */
    ReplyBuilder problem(Text reason) {
        say(reason);
        if (reason != null) {
            problem = problem == null ? reason.in(language) : problem + "\n\n" + reason.in(language);
        }
        return this;
    }

    /** Offers a button; one whose value would not fit Telegram's 64-byte callback data is left out (its text is said anyway). */
    ReplyBuilder offer(String value, Text label) {
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_VALUE_BYTES) {
            choices.add(new Choice(value, label.label(language)));
        }
        return this;
    }

    ReplyBuilder clearChoices() {
        choices.clear();
        return this;
    }

    Language language() {
        return language;
    }

    List<Reply> build() {
        if (parts.isEmpty() && choices.isEmpty()) {
            return List.of();
        }
        return List.of(new Reply(String.join("\n\n", parts), choices, problem));
    }
}
