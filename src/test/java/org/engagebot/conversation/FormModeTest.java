package org.engagebot.conversation;

import org.engagebot.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's form mode reads a whole form with the chat's rules: validation, conditions, prefill, skip, confirm. */
class FormModeTest {
    private final Messages messages = new Messages(List.of());
    private final AnswerValidator validator = new AnswerValidator(messages,
            new SettableClock(Instant.parse("2027-03-10T09:00:00Z")), new ChoiceReader(messages));
    private final FormMode form = new FormMode(validator, new AnswerReader(validator, messages),
            List.of(p -> Map.of("email", "known@example.org")));
    private final Participant jo = new Participant(1, "email", "jo@example.org", Language.EN, "Jo");

    private static Step step(String id, StepType type, boolean optional, Condition when, String prefill) {
        return new Step(id, type, Text.of(id + "?", id + "?"), Text.of(id, id), null, optional, when, prefill);
    }

    private static FlowDefinition flow(boolean confirm) {
        return new FlowDefinition("f", "f.yaml", Text.of("F", "F"), Text.of("i", "i"), List.of("f"), List.of("f"),
                true, confirm, "a", List.of(
                step("name", new StepType.FreeText(2, 100), false, null, null),
                step("email", new StepType.Email(), false, null, "email"),
                step("site", new StepType.Url(), true, null, null),
                step("charity", new StepType.YesNo(null), false, null, null),
                step("number", new StepType.FreeText(1, 20), false, new Condition("charity", List.of("yes")), null)));
    }

    @Test
    void acceptsValidAnswersAndReportsInvalidOnesWithTheirReasonAndWhatIsMissing() {
        FormMode.Outcome out = form.fill(jo, flow(true), Map.of(), Map.of("name", "Acme Trust", "email", "not an address"));

        assertThat(out.stage()).isEqualTo(FormMode.Stage.ASKING);
        assertThat(out.answers()).containsEntry("name", "Acme Trust").doesNotContainKey("email");
        assertThat(out.invalid()).containsKey("email");
        assertThat(out.invalid().get("email").en()).isNotBlank();
        assertThat(out.missing()).extracting(Step::id).containsExactly("email", "site", "charity");
    }

    @Test
    void aBlankAnswerTakesTheKnownDetailAndSkipWordsLeaveOptionalStepsEmpty() {
        FormMode.Outcome out = form.fill(jo, flow(true), Map.of(),
                Map.of("name", "Acme Trust", "email", "", "site", "no website", "charity", "no"));

        assertThat(out.answers()).containsEntry("email", "known@example.org").containsEntry("site", "");
        assertThat(out.stage()).isEqualTo(FormMode.Stage.SUMMARY);
    }

    @Test
    void noneOnARequiredFreeTextStepIsTheAnswerNotASkip() {
        FormMode.Outcome out = form.fill(jo, flow(true), Map.of(),
                Map.of("name", "none", "email", "a@example.org", "site", "", "charity", "no"));

        assertThat(out.answers()).containsEntry("name", "none");
        assertThat(out.missing()).extracting(Step::id).doesNotContain("name");
    }

    @Test
    void aConditionalStepIsAskedOnlyWhenItAppliesAndItsAnswerGoesWhenItNoLongerDoes() {
        Map<String, String> earlier = Map.of("name", "Acme Trust", "email", "a@example.org", "site", "");
        FormMode.Outcome yes = form.fill(jo, flow(false), earlier, Map.of("charity", "yes"));
        assertThat(yes.missing()).extracting(Step::id).containsExactly("number");

        FormMode.Outcome filled = form.fill(jo, flow(false), yes.answers(), Map.of("number", "1234567"));
        assertThat(filled.stage()).isEqualTo(FormMode.Stage.COMPLETE);

        FormMode.Outcome changed = form.fill(jo, flow(false), filled.answers(), Map.of("charity", "no"));
        assertThat(changed.answers()).doesNotContainKey("number");
        assertThat(changed.stage()).isEqualTo(FormMode.Stage.COMPLETE);
    }

    @Test
    void aSkipWordOnARequiredStepWithAFormatLeavesItMissing() {
        FormMode.Outcome out = form.fill(jo, flow(true), Map.of(), Map.of("name", "Acme Trust", "email", "none"));
        assertThat(out.missing()).extracting(Step::id).contains("email");
        assertThat(out.invalid()).isEmpty();
    }

    @Test
    void theSummaryIsConfirmedWithTheChatsWordsInEitherLanguage() {
        assertThat(List.of("confirm", "Cadarnhau", "yes", "ie", "send", "anfon")).allMatch(form::confirms);
        assertThat(List.of("no", "change", "", "1. Acme")).noneMatch(form::confirms);
    }
}
