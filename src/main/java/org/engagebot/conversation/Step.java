package org.engagebot.conversation;

import java.util.Map;

/**
 * One question of a flow.
 *
 * @param label      short name shown on the summary screen
 * @param hint       what is expected (format, length); shown with the prompt and on /help
 * @param optional   may be skipped
 * @param when       shown only when an earlier answer matches (null: always)
 * @param prefill    key of a known detail about the participant offered as the default (e.g. "email")
 */
public record Step(String id, StepType type, Text prompt, Text label, Text hint, boolean optional,
                   Condition when, String prefill) {

    public boolean appliesTo(Map<String, String> answers) {
        return when == null || when.holds(answers);
    }
}
