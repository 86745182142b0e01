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

    /**
     * Whether {@code text}, typed for this step, says there is nothing to give ("none", "no website", "nac oes")
     * rather than answering it; the one rule for chat and for whole forms ({@link FormMode}). An optional step, or one
     * with a format of its own (email, phone, url, postcode, date: "none" there is never the answer), is skipped by a
     * skip word; on a required free-text step "none" is the answer (the visit form's "issues to raise" asks for it).
     * Two cases differ by design: a yes/no or consent step is never skipped in chat (its Skip is a button, and "no" is
     * an answer) and in a whole form only by a skip word that does not mean "no" ("skip", "hepgor"); a required
     * choice is matched against its options in chat, while in a whole form a skip word leaves it missing.
     *
     * @param wholeForm read as part of a whole form (email) rather than one chat answer
     */
    boolean skippedBy(String text, AnswerValidator answers, Vocabulary words, boolean wholeForm) {
        if (type instanceof StepType.YesNo || type instanceof StepType.Consent) {
            return wholeForm && words.is(Vocabulary.Kind.SKIP, text) && answers.meaning(text) != YesNoReader.Meaning.NO;
        }
        if (optional || hasFormat()) {
            return answers.isSkip(text);
        }
        return wholeForm && !(type instanceof StepType.FreeText) && answers.isSkip(text);
    }

    private boolean hasFormat() {
        return type instanceof StepType.Email || type instanceof StepType.Phone || type instanceof StepType.Url
                || type instanceof StepType.Postcode || type instanceof StepType.Date;
    }
}
