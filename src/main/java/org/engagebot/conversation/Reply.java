package org.engagebot.conversation;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One message to a participant, already in their language; channels render text and choices their own way.
 * {@code problem}, when set, is why the participant's last answer was not taken (already part of {@code text}):
 * a channel that shows questions as forms puts it beside the field instead.
 */
public record Reply(String text, List<Choice> choices, @Nullable String problem) {

    public Reply {
        choices = List.copyOf(choices);
    }

    public Reply(String text, List<Choice> choices) {
        this(text, choices, null);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
