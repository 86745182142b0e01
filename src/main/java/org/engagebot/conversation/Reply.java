package org.engagebot.conversation;

import java.util.List;

/** One message to a participant, already in their language; channels render text and choices their own way. */
public record Reply(String text, List<Choice> choices) {

    public Reply {
        choices = List.copyOf(choices);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
