package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.conversation.EngineStepTypesTest.reach;

/** The language-first gate, bilingual output, /language mid-flow, and sessions expiring when left idle. */
class EngineLanguageAndExpiryTest {
    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new EngineHarness(dir);
    }

    @Test
    void firstContactIsAskedForALanguageInWelshThenEnglish() {
        EngineHarness.Chat chat = h.chat(1, null);
        Reply reply = chat.send("hello");
        assertThat(reply.text()).isEqualTo(h.cy("language.question") + "\n\n" + h.en("language.question"));
        assertThat(reply.choices()).containsExactly(new Choice("l:cy", "Cymraeg"), new Choice("l:en", "English"));
        assertThat(chat.language()).isNull();
    }

    @Test
    void choosingWelshByButtonIsRememberedAndAnsweredInWelsh() {
        EngineHarness.Chat chat = h.chat(1, null);
        chat.send("/start");
        Reply reply = chat.tap("l:cy");
        assertThat(chat.language()).isEqualTo(Language.CY);
        assertThat(reply.text()).startsWith(h.cy("language.set")).contains(h.cy("menu.heading"))
                .doesNotContain(h.en("menu.heading"));
        assertThat(reply.choices()).extracting(Choice::label).contains("Eich proffil");
        assertThat(chat.session()).isEmpty();
    }

    @Test
    void choosingByTypedNumberOrWord() {
        EngineHarness.Chat one = h.chat(1, null);
        one.send("hi");
        one.send("1");
        assertThat(one.language()).isEqualTo(Language.CY);
        EngineHarness.Chat two = h.chat(2, null);
        two.send("hi");
        two.send("English");
        assertThat(two.language()).isEqualTo(Language.EN);
    }

    @Test
    void aFirstMessageThatNamesALanguageChoosesIt() {
        EngineHarness.Chat welsh = h.chat(3, null);
        Reply reply = welsh.send("Cymraeg");
        assertThat(welsh.language()).isEqualTo(Language.CY);
        assertThat(reply.text()).startsWith(h.cy("language.set"));
        EngineHarness.Chat english = h.chat(4, null);
        english.send("English please");
        assertThat(english.language()).isEqualTo(Language.EN);
        EngineHarness.Chat digit = h.chat(5, null);
        digit.send("1"); // a number means nothing before the question is asked
        assertThat(digit.language()).isNull();
    }

    @Test
    void commandGivenBeforeChoosingIsResumedAfterwards() {
        EngineHarness.Chat chat = h.chat(1, null);
        chat.send("/profile");
        Reply reply = chat.tap("l:en");
        assertThat(reply.text()).startsWith(h.en("language.set")).contains("Profile intro.", "What is your name?");
        assertThat(chat.step()).isEqualTo("name");
    }

    @Test
    void commandGivenBeforeChoosingSurvivesAnUnclearReplyToTheLanguageQuestion() {
        EngineHarness.Chat chat = h.chat(1, null);
        chat.send("/visit");
        chat.send("pardon?");
        chat.send("Cymraeg");
        assertThat(chat.step()).isEqualTo("kind");
    }

    @Test
    void participantWithoutLanguageOnAnEmailLikeChannelGetsBothLanguagesWelshFirst() {
        EngineHarness.Chat mail = h.mail(1);
        Reply reply = mail.send("/visit");
        assertThat(reply.text()).contains("Sgwrs neu ddigwyddiad?\n\nTalk or event?");
        assertThat(reply.text().indexOf(h.cy("flow.controls"))).isLessThan(reply.text().indexOf(h.en("flow.controls")));
        assertThat(reply.choices()).extracting(Choice::label).containsExactly("Sgwrs / Talk", "Digwyddiad / Event");
        assertThat(mail.language()).isNull();
    }

    @Test
    void languageCommandMidFlowKeepsTheStepAndAsksItInTheNewLanguage() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "phone");
        Reply question = chat.send("/language");
        assertThat(question.choices()).extracting(Choice::value).containsExactly("l:cy", "l:en");
        assertThat(chat.step()).isEqualTo("phone");
        Reply reply = chat.tap("l:cy");
        assertThat(chat.language()).isEqualTo(Language.CY);
        assertThat(reply.text()).startsWith(h.cy("language.set")).contains("Eich ffôn?").doesNotContain("Your phone?");
        assertThat(chat.step()).isEqualTo("phone");
        assertThat(chat.session().orElseThrow().answers()).containsKeys("name", "email");
    }

    @Test
    void languageNameTypedAfterTheLanguageCommandMidFlowChoosesTheLanguageAndKeepsTheStep() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "name");
        chat.send("/language");
        Reply reply = chat.send("Cymraeg");
        assertThat(chat.language()).isEqualTo(Language.CY);
        assertThat(reply.text()).startsWith(h.cy("language.set"));
        assertThat(chat.step()).isEqualTo("name");
        assertThat(chat.session().orElseThrow().answers()).isEmpty();
    }

    @Test
    void languageNameTypedWithoutTheLanguageQuestionAnswersTheStep() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "name");
        chat.send("Cymraeg");
        assertThat(chat.language()).isEqualTo(Language.EN);
        assertThat(chat.session().orElseThrow().answers()).containsEntry("name", "Cymraeg");
    }

    @Test
    void otherReplyToTheLanguageQuestionAnswersTheStepAndTheQuestionIsForgotten() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "name");
        chat.send("/language");
        chat.send("Jo");
        assertThat(chat.step()).isEqualTo("email");
        assertThat(chat.session().orElseThrow().answers()).containsOnlyKeys("name");
        chat.send("/back");
        chat.send("English");
        assertThat(chat.session().orElseThrow().answers()).containsEntry("name", "English");
    }

    @Test
    void languageNameTypedAfterTheLanguageCommandOutsideAFlowChoosesTheLanguage() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        chat.send("/language");
        Reply reply = chat.send("Welsh");
        assertThat(chat.language()).isEqualTo(Language.CY);
        assertThat(reply.text()).startsWith(h.cy("language.set")).contains(h.cy("menu.heading"));
        assertThat(chat.session()).isEmpty();
        chat.send("English");
        assertThat(chat.language()).isEqualTo(Language.CY);
    }

    @Test
    void sessionLeftIdleBeyondTheTimeoutExpiresWithAMessage() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "phone");
        h.clock.advance(EngineHarness.IDLE_TIMEOUT.plus(Duration.ofMinutes(1)));
        Reply reply = chat.send("07911 123456");
        assertThat(reply.text()).startsWith(h.en("session.expired"));
        assertThat(chat.session()).isEmpty();
        assertThat(h.completions).isEmpty();
    }

    @Test
    void expiredSessionMessageComesBeforeWhatTheNewInputStarts() {
        EngineHarness.Chat chat = h.chat(1, Language.CY);
        reach(chat, "phone");
        h.clock.advance(Duration.ofDays(3));
        Reply reply = chat.send("/visit");
        assertThat(reply.text()).startsWith(h.cy("session.expired")).contains("Sgwrs neu ddigwyddiad?");
        assertThat(chat.step()).isEqualTo("kind");
    }

    @Test
    void sessionWithinTheTimeoutCarriesOn() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "phone");
        h.clock.advance(EngineHarness.IDLE_TIMEOUT.minus(Duration.ofMinutes(1)));
        chat.send("07911 123456");
        assertThat(chat.step()).isEqualTo("website");
    }

    @Test
    void eachAnswerRestartsTheIdleTimeout() {
        EngineHarness.Chat chat = h.chat(1, Language.EN);
        reach(chat, "phone");
        h.clock.advance(Duration.ofHours(20));
        chat.send("07911 123456");
        h.clock.advance(Duration.ofHours(20));
        chat.send("skip");
        assertThat(chat.step()).isEqualTo("postcode");
    }
}
