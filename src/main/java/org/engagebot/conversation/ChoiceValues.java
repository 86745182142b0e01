package org.engagebot.conversation;

/**
 * The values the engine puts on buttons (Telegram callback data, at most 64 bytes). Answers carry their
 * step id, so a tap on an old question's button is recognised as stale rather than taken as an answer.
 */
final class ChoiceValues {
    static final String SKIP = "-skip";
    static final String DEFAULT = "-default";
    static final String CONFIRM = "c:confirm";
    static final String EDIT = "c:edit";
    static final String CANCEL = "c:cancel";

    private ChoiceValues() {
    }

    static String answer(String stepId, String value) {
        return "a:" + stepId + ":" + value;
    }

    static String editStep(String stepId) {
        return "e:" + stepId;
    }

    static String language(Language language) {
        return "l:" + language.code();
    }
}
