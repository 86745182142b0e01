package org.engagebot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question of a flow.
 *
 * @param label      short name shown on the summary screen
 * @param hint       what is expected (format, length); shown with the prompt and on /help
 * @param optional   may be skipped
 * @param when       shown only when an earlier answer matches (null: always)
 * @param prefill    key of a known detail about the participant offered as the default (e.g. "email")
 * @param postcodes  for a choice whose options have a postcode table (lists/postcodes.yaml): the table, and the earlier
 *                   step whose answer's postcode names the option to offer first ({@code postcode-from}), or null
 */
public record Step(String id, StepType type, Text prompt, Text label, Text hint, boolean optional,
                   Condition when, String prefill, Postcodes postcodes) {

    /** A postcode table for the step's options, and the earlier step to read a postcode from (null: none). */
    public record Postcodes(PostcodeAreas table, String from) {
    }

    public Step(String id, StepType type, Text prompt, Text label, Text hint, boolean optional, Condition when,
                String prefill) {
        this(id, type, prompt, label, hint, optional, when, prefill, null);
    }

    /** The option the postcode in the answer to {@code postcode-from} lies in, with that postcode's district. */
    Optional<Implied> impliedBy(Map<String, String> answers) {
        if (postcodes == null || postcodes.from() == null) {
            return Optional.empty();
        }
        return postcodes.table().find(answers.get(postcodes.from())).flatMap(this::implied);
    }

    /** The option a postcode typed as the answer ("LL57 2DG", "we're in LL18") lies in. */
    Optional<Implied> impliedByTyped(String text) {
        return postcodes == null ? Optional.empty() : postcodes.table().find(text).flatMap(this::implied);
    }

    private Optional<Implied> implied(PostcodeAreas.Found found) {
        List<Option> options = type instanceof StepType.SingleChoice c ? c.options()
                : type instanceof StepType.MultiChoice m ? m.options() : List.of();
        return found.single().flatMap(v -> options.stream().filter(o -> o.value().equals(v)).findFirst())
                .map(o -> new Implied(found.district(), o));
    }

    /** An option a postcode lies in, and the postcode district that says so. */
    record Implied(String district, Option option) {
        /** "The postcode LL57 is in Gwynedd. Is that right?"; for "other", that it lies outside the areas listed. */
        Text question(Messages messages) {
            String key = option.value().equals("other") ? "postcode.implies-other" : "postcode.implies";
            return messages.get(key, district, option.label().en(), option.label().cy());
        }

        /** "The postcode LL57 is in Gwynedd: leave this answer blank to use it": beside a whole form's question (email). */
        Text formHint(Messages messages) {
            String key = option.value().equals("other") ? "postcode.form-hint-other" : "postcode.form-hint";
            return messages.get(key, district, option.label().en(), option.label().cy());
        }

        /** "The postcode LL57 is in Gwynedd.": the same fact as a hint beside the list (web forms). */
        Text hint(Messages messages) {
            String key = option.value().equals("other") ? "postcode.hint-other" : "postcode.hint";
            return messages.get(key, district, option.label().en(), option.label().cy());
        }
    }

    public boolean appliesTo(Map<String, String> answers) {
        return when == null || when.holds(answers);
    }

    /**
     * Whether {@code text}, typed for this step, says there is nothing to give ("none", "no website", "nac oes")
     * rather than answering it; the one rule for chat and for whole forms ({@link FormMode}). An optional step, or one
     * with a format of its own (email, phone, url, postcode, date: "none" there is never the answer), is skipped by a
     * skip word (a website question also by naming a social media site with no address: "we only have a Facebook
     * page"); on a required free-text step "none" is the answer (the visit form's "issues to raise" asks for it).
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
            return answers.isSkip(text) || type instanceof StepType.Url && answers.saysNoWebsite(text);
        }
        return wholeForm && !(type instanceof StepType.FreeText) && answers.isSkip(text);
    }

    private boolean hasFormat() {
        return type instanceof StepType.Email || type instanceof StepType.Phone || type instanceof StepType.Url
                || type instanceof StepType.Postcode || type instanceof StepType.Date;
    }
}
