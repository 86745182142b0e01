package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.conversation.EngineStepTypesTest.reach;

/** Starting flows, /back, /cancel, /help, the summary and completion. */
class EngineNavigationTest {
    @TempDir
    Path dir;
    EngineHarness h;
    EngineHarness.Chat chat;

    @BeforeEach
    void setUp() throws Exception {
        h = new EngineHarness(dir);
        chat = h.chat(1, Language.EN);
    }

    private Reply reachSummary() {
        reach(chat, "consent");
        Reply summary = chat.send("yes");
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.CONFIRMING);
        return summary;
    }

    @Test
    void commandStartsFlowWithIntroControlsAndFirstQuestion() {
        Reply reply = chat.send("/profile");
        assertThat(reply.text()).startsWith("Profile intro.").contains(h.en("flow.controls"))
                .endsWith("What is your name?\n\n2 to 20 characters.");
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void keywordStartsFlowWhenNoConversationIsUnderWay() {
        chat.send("Profile please");
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void aGreetingWhenIdleGetsTheWelcomeAndTheMenu() {
        Reply reply = chat.send("Helo!");
        assertThat(reply.text()).contains(h.en("welcome"), h.en("menu.heading")).doesNotContain(h.en("menu.not-understood"));
    }

    @Test
    void unknownTextWhenIdleSaysNotUnderstoodAndShowsMenuWhereNoFlowTakesFreeText() {
        Reply reply = chat.send("blah blah");
        assertThat(reply.text()).contains(h.en("menu.not-understood"), h.en("menu.heading"));
        assertThat(reply.choices()).extracting(Choice::value).containsExactly("/profile", "/visit", "/ping");
    }

    @Test
    void startShowsWelcomeAndMenu() {
        Reply reply = chat.send("/start");
        assertThat(reply.text()).contains(h.en("welcome"), h.en("menu.heading"));
        assertThat(reply.choices()).extracting(Choice::label).containsExactly("Your profile", "Ask for a visit", "Ping");
    }

    @Test
    void menuButtonStartsItsFlow() {
        chat.tap("/visit");
        assertThat(chat.step()).isEqualTo("kind");
    }

    @Test
    void backAtFirstQuestionSaysSoAndAsksItAgain() {
        chat.send("/profile");
        Reply reply = chat.send("/back");
        assertThat(reply.text()).contains(h.en("back.first")).contains("What is your name?");
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void backReturnsToThePreviousQuestionShowingTheEarlierAnswer() {
        reach(chat, "area");
        Reply reply = chat.send("/back");
        assertThat(chat.step()).isEqualTo("postcode");
        assertThat(reply.text()).contains(h.en("back.previous", "LL57 2DG")).contains("Your postcode?");
        chat.send("CH7 1AA");
        assertThat(chat.step()).isEqualTo("area");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("postcode", "CH7 1AA");
    }

    @Test
    void backTwiceWalksBackTwoQuestions() {
        reach(chat, "area");
        chat.send("/back");
        chat.send("/nol");
        assertThat(chat.step()).isEqualTo("website");
    }

    @Test
    void backFromTheSummaryAsksTheLastQuestionAgain() {
        reachSummary();
        Reply reply = chat.send("/back");
        assertThat(chat.step()).isEqualTo("consent");
        assertThat(reply.text()).contains(h.en("back.previous", "Yes, I agree")).contains("Do you agree?");
        assertThat(chat.send("yes").text()).contains(h.en("summary.question"));
    }

    @Test
    void backWithNothingUnderWaySaysSo() {
        assertThat(chat.send("/back").text()).isEqualTo(h.en("back.nothing"));
    }

    @Test
    void cancelAsksFirstThenEndsTheFlowWithoutSavingAndShowsTheMenu() {
        reach(chat, "phone");
        Reply asked = chat.send("/cancel");
        assertThat(asked.text()).contains(h.en("leave.stop-question", "Your profile", "Eich proffil", 2));
        assertThat(asked.choices()).extracting(Choice::value).containsExactly("k:leave", "k:stay");
        assertThat(chat.step()).isEqualTo("phone");
        Reply reply = chat.send("yes");
        assertThat(reply.text()).contains(h.en("cancel.done"), h.en("menu.heading"));
        assertThat(chat.session()).isEmpty();
        assertThat(h.completions).isEmpty();
    }

    @Test
    void cancelWithNothingUnderWaySaysSo() {
        assertThat(chat.send("/canslo").text()).contains(h.en("cancel.nothing"));
    }

    @Test
    void helpInAFlowGivesTheHintAndAsksTheQuestionAgain() {
        chat.send("/profile");
        Reply reply = chat.send("/help");
        assertThat(reply.text()).startsWith(h.en("help.in-flow")).contains("What is your name?", "2 to 20 characters.");
        assertThat(reply.text().indexOf("2 to 20 characters.")).as("the hint once")
                .isEqualTo(reply.text().lastIndexOf("2 to 20 characters."));
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void helpWithNothingUnderWayListsTheCommands() {
        assertThat(chat.send("/help").text()).isEqualTo(h.en("help.general"));
    }

    @Test
    void sameFlowCommandMidFlowKeepsTheAnswersAndAsksTheCurrentQuestion() {
        reach(chat, "phone");
        Reply reply = chat.send("/profile");
        assertThat(reply.text()).contains(h.en("flow.already")).contains("Your phone?");
        assertThat(chat.session().orElseThrow().answers()).containsKeys("name", "email");
    }

    @Test
    void unknownCommandIsNamed() {
        assertThat(chat.send("/frobnicate").text()).contains(h.en("command.unknown", "frobnicate"));
    }

    @Test
    void stickerMidFlowIsRefusedAndTheQuestionAskedAgain() {
        reach(chat, "phone");
        Reply reply = chat.handle(new Input.Unsupported("sticker"));
        assertThat(reply.text()).contains(h.en("input.unsupported-answer")).contains("Your phone?");
        assertThat(chat.step()).isEqualTo("phone");
    }

    @Test
    void stickerWhenIdleAsksForText() {
        assertThat(chat.handle(new Input.Unsupported("sticker")).text()).contains(h.en("input.unsupported"));
    }

    @Test
    void buttonOfAnEarlierQuestionIsRecognisedAsStale() {
        reach(chat, "member");
        Reply reply = chat.tap("a:area:south");
        assertThat(reply.text()).contains(h.en("input.stale")).contains("Are you a member?");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("area", "north").doesNotContainKey("member");
    }

    @Test
    void summaryButtonTappedAgainAfterCompletionIsStaleAndCompletesNothingTwice() {
        reachSummary();
        chat.tap("c:confirm");
        Reply again = chat.tap("c:confirm");
        assertThat(again.text()).contains(h.en("input.stale"));
        assertThat(h.completions).hasSize(1);
    }

    @Test
    void confirmCompletesAndHandsTheActionExactlyTheAnswers() {
        reachSummary();
        Reply reply = chat.tap("c:confirm");
        assertThat(reply.text()).isEqualTo("Saved save-profile.");
        assertThat(chat.session()).isEmpty();
        FlowAction.Completion done = h.onlyCompletion();
        assertThat(done.flow().id()).isEqualTo("profile");
        assertThat(done.participant().id()).isEqualTo(1);
        assertThat(done.answers()).isEqualTo(Map.ofEntries(Map.entry("name", "Jo Bloggs"),
                Map.entry("email", "jo@example.org"), Map.entry("phone", "+447911123456"),
                Map.entry("website", "https://www.example.org"), Map.entry("postcode", "LL57 2DG"),
                Map.entry("area", "north"), Map.entry("topics", "youth"), Map.entry("member", "yes"),
                Map.entry("event_day", "2027-04-01"), Map.entry("founded", "1990-01-01"), Map.entry("consent", "yes")));
    }

    @Test
    void typedConfirmationWordsComplete() {
        reachSummary();
        chat.send("Cadarnhau");
        assertThat(h.completions).hasSize(1);
    }

    @Test
    void unclearReplyAtTheSummaryShowsItAgain() {
        reachSummary();
        Reply reply = chat.send("hmm");
        assertThat(reply.text()).contains(h.en("summary.not-understood"), h.en("summary.question"));
        assertThat(h.completions).isEmpty();
    }

    @Test
    void cancelButtonAtTheSummaryAsksFirstThenEndsWithoutSaving() {
        reachSummary();
        assertThat(chat.tap("c:cancel").text()).contains(h.en("leave.stop-question", "Your profile", "Eich proffil", 11));
        assertThat(chat.tap("k:leave").text()).contains(h.en("cancel.done"));
        assertThat(chat.session()).isEmpty();
        assertThat(h.completions).isEmpty();
    }

    @Test
    void editAtTheSummaryChangesOneAnswerAndReturnsToTheSummary() {
        reachSummary();
        Reply which = chat.tap("c:edit");
        assertThat(which.text()).contains(h.en("summary.which"));
        assertThat(which.choices()).extracting(Choice::value).startsWith("e:name", "e:email", "e:phone");
        Reply asked = chat.tap("e:phone");
        assertThat(asked.text()).contains("Your phone?");
        Reply summary = chat.send("+44 1248 383000");
        assertThat(summary.text()).contains("• Phone: 01248 383000", h.en("summary.question"));
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers()).containsEntry("phone", "+441248383000").containsEntry("name", "Jo Bloggs");
    }

    @Test
    void editByTypedNumberOrLabel() {
        reachSummary();
        chat.send("change");
        chat.send("3");
        assertThat(chat.step()).isEqualTo("phone");
        chat.send("/back");
        chat.send("2");
        chat.send("Postcode");
        assertThat(chat.step()).isEqualTo("postcode");
        assertThat(chat.session().orElseThrow().mode()).isEqualTo(Session.Mode.EDITING);
    }

    @Test
    void backWhileEditingReturnsToTheSummaryUnchanged() {
        reachSummary();
        chat.tap("c:edit");
        chat.tap("e:name");
        Reply reply = chat.send("/back");
        assertThat(reply.text()).contains("• Name: Jo Bloggs", h.en("summary.question"));
    }

    @Test
    void flowWithoutConfirmCompletesOnTheLastAnswer() {
        chat.send("/quick");
        Reply reply = chat.answers("ie", "yes");
        assertThat(reply.text()).isEqualTo("Saved save-quick.");
        assertThat(h.onlyCompletion().answers()).isEqualTo(Map.of("happy", "yes", "agree", "yes"));
    }

    @Test
    void commandHandlerAnswersAndCanStartAGeneratedFlow() {
        assertThat(chat.send("/ping hi").text()).isEqualTo("Pong hi");
        Reply reply = chat.send("/consult");
        assertThat(reply.text()).startsWith("Consultation open.").contains("Your opinion?");
        chat.send("More buses");
        chat.tap("c:confirm");
        assertThat(h.onlyCompletion().answers()).isEqualTo(Map.of("opinion", "More buses"));
    }
}
