package org.engagebot.conversation;

import java.util.List;
import java.util.Map;

/** A step is shown only when an earlier step's answer is one of the given values (or, for multi-choice, contains one). */
public record Condition(String step, List<String> anyOf) {

    public Condition {
        anyOf = List.copyOf(anyOf);
    }

    public boolean holds(Map<String, String> answers) {
        String answer = answers.get(step);
        if (answer == null) {
            return false;
        }
        for (String part : answer.split(",")) {
            if (anyOf.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }
}
