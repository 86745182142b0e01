package org.engagebot.conversation;

import org.engagebot.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is a skip word a skip on this step?" has one answer, {@link Step#skippedBy}, read by one chat answer
 * ({@link AnswerReader}) and by a whole form ({@link FormMode}); the two cases where they differ are pinned here.
 */
class StepSkipTest {
    private final Messages messages = new Messages(List.of());
    private final AnswerValidator validator = new AnswerValidator(messages,
            new SettableClock(Instant.parse("2027-03-10T09:00:00Z")), new ChoiceReader(messages));
    private final Vocabulary words = Vocabulary.standard();

    private static Step step(StepType type, boolean optional) {
        return new Step("s", type, Text.of("s?", "s?"), Text.of("s", "s"), null, optional, null, null);
    }

    private boolean inChat(Step step, String text) {
        return step.skippedBy(text, validator, words, false);
    }

    private boolean inForm(Step step, String text) {
        return step.skippedBy(text, validator, words, true);
    }

    @Test
    void anOptionalStepOrOneWithAFormatIsSkippedByASkipWordInChatAndInAForm() {
        Step website = step(new StepType.Url(), true);
        Step email = step(new StepType.Email(), false);
        for (String none : List.of("no website", "none", "nac oes", "dim")) {
            assertThat(inChat(website, none)).as(none).isTrue();
            assertThat(inForm(website, none)).as(none).isTrue();
        }
        assertThat(inChat(email, "none")).isTrue();
        assertThat(inForm(email, "none")).isTrue();
        assertThat(inChat(website, "helpinghands.org")).isFalse();
    }

    @Test
    void onARequiredFreeTextStepNoneIsTheAnswerEverywhere() {
        Step issues = step(new StepType.FreeText(1, 500), false);
        assertThat(inChat(issues, "none")).isFalse();
        assertThat(inForm(issues, "none")).isFalse();
        assertThat(inChat(step(new StepType.FreeText(1, 500), true), "none")).isTrue();
    }

    @Test
    void aYesNoStepIsNeverSkippedInChatAndInAFormOnlyByASkipWordThatDoesNotMeanNo() {
        Step charity = step(new StepType.YesNo(null), false);
        assertThat(inChat(charity, "skip")).isFalse();
        assertThat(inForm(charity, "skip")).isTrue();
        assertThat(inForm(charity, "no")).isFalse();
        assertThat(inForm(charity, "dim")).isFalse();
    }

    @Test
    void aRequiredChoiceIsMatchedAgainstItsOptionsInChatButLeftMissingInAForm() {
        Step kind = step(new StepType.SingleChoice(List.of(new Option("a", Text.of("A", "A"), List.of()))), false);
        assertThat(inChat(kind, "none")).isFalse();
        assertThat(inForm(kind, "none")).isTrue();
    }
}
