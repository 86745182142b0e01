package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps shown only when an earlier answer matches (the visit flow: audience for talks, venue for events). */
class EngineConditionsTest {
    @TempDir
    Path dir;
    EngineHarness h;
    EngineHarness.Chat chat;

    @BeforeEach
    void setUp() throws Exception {
        h = new EngineHarness(dir);
        chat = h.chat(1, Language.EN);
    }

    @Test
    void stepIsAskedOnlyWhenTheEarlierAnswerMatches() {
        chat.send("/visit");
        assertThat(chat.send("Talk").text()).contains("Who is the audience?");
        Reply summary = chat.answers("Year 9 pupils", "skip");
        assertThat(summary.text()).contains("• Audience: Year 9 pupils", "• Notes: (skipped)").doesNotContain("Venue");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers()).isEqualTo(Map.of("kind", "talk", "audience", "Year 9 pupils", "notes", ""));
    }

    @Test
    void otherAnswerAsksTheOtherConditionalStep() {
        chat.send("/visit");
        assertThat(chat.tap("a:kind:event").text()).contains("Where is the venue?");
        chat.answers("Town hall", "no", "Parking at the back");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers())
                .isEqualTo(Map.of("kind", "event", "venue", "Town hall", "outdoor", "no", "notes", "Parking at the back"));
    }

    @Test
    void editingTheAnswerDropsTheStaleAnswerAsksTheNewlyNeededOneThenShowsTheSummary() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils", "Bring leaflets");
        chat.tap("c:edit");
        chat.tap("e:kind");
        Reply asked = chat.send("event");
        assertThat(asked.text()).contains("Where is the venue?");
        assertThat(chat.session().orElseThrow().answers()).doesNotContainKey("audience");
        assertThat(chat.send("Town hall").text()).contains("Is it outdoors?");
        Reply summary = chat.send("no");
        assertThat(summary.text()).contains("• Venue: Town hall", "• Notes: Bring leaflets", h.en("summary.question"))
                .doesNotContain("Audience");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers())
                .isEqualTo(Map.of("kind", "event", "venue", "Town hall", "outdoor", "no", "notes", "Bring leaflets"));
    }

    @Test
    void editingToTheSameKindKeepsTheConditionalAnswer() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils", "skip");
        chat.tap("c:edit");
        chat.tap("e:kind");
        Reply summary = chat.send("Sgwrs");
        assertThat(summary.text()).contains("• Audience: Year 9 pupils", h.en("summary.question"));
    }

    @Test
    void changingAnAnswerAfterBackLeavesTheStaleAnswerOutOfTheSummaryAndTheAction() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils");
        chat.send("/back");
        chat.send("/back");
        assertThat(chat.step()).isEqualTo("kind");
        chat.answers("event", "Town hall", "no", "skip");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers())
                .isEqualTo(Map.of("kind", "event", "venue", "Town hall", "outdoor", "no", "notes", ""));
    }

    @Test
    void backNeverAsksAStepThatNoLongerApplies() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils", "skip");
        chat.tap("c:edit");
        chat.tap("e:kind");
        chat.answers("event", "Town hall", "no");
        chat.send("/back");
        assertThat(chat.step()).isEqualTo("notes");
        chat.send("/back");
        assertThat(chat.step()).isNotEqualTo("audience");
    }

    @Test
    void answersDependingOnADroppedAnswerAreDroppedToo() {
        chat.send("/visit");
        chat.answers("event", "Town hall", "yes", "A marquee", "skip");
        chat.tap("c:edit");
        chat.tap("e:kind");
        assertThat(chat.send("talk").text()).contains("Who is the audience?");
        Reply summary = chat.send("Year 9 pupils");
        assertThat(summary.text()).contains(h.en("summary.question")).doesNotContain("Venue", "Outdoor", "Shelter");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers()).isEqualTo(Map.of("kind", "talk", "audience", "Year 9 pupils", "notes", ""));
    }

    @Test
    void backFromANewlyNeededQuestionAsksItAgainRatherThanSkipIt() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils", "skip");
        chat.tap("c:edit");
        chat.tap("e:kind");
        chat.send("event");
        Reply reply = chat.send("/back");
        assertThat(reply.text()).contains("Where is the venue?");
        assertThat(chat.step()).isEqualTo("venue");
    }

    @Test
    void editChoicesOfferOnlyStepsThatApply() {
        chat.send("/visit");
        chat.answers("talk", "Year 9 pupils", "skip");
        Reply which = chat.tap("c:edit");
        assertThat(which.choices()).extracting(Choice::value).containsExactly("e:kind", "e:audience", "e:notes");
        chat.tap("e:venue");
        assertThat(chat.step()).isNull();
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.CHOOSING_EDIT);
    }
}
