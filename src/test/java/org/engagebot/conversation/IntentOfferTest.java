package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside a conversation, a sentence that only asks for what the menu offers ("I'd like to apply for a visit",
 * "hoffwn gofrestru") starts it; a question, or a sentence with more in it, is still ready to go to the office as a
 * message and also offers a button that starts the flow it names, with the shipped flows and vocabulary.
 */
class IntentOfferTest {
    @TempDir
    static Path dir;
    static EngineHarness h;

    @BeforeAll
    static void harness() throws java.io.IOException {
        h = new EngineHarness(dir, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            EN | Hi, I want to register my charity please           | register
            EN | I'd like to apply for a visit                       | visit
            EN | can the commissioner visit us                        | visit
            EN | We would like to sign up                             | register
            CY | Hoffwn i wneud cais am ymweliad                      | visit
            CY | hoffwn gofrestru plis                                | register
            CY | Dwi eisiau cofrestru ein grŵp                        | register
            CY | Hoffem gael ymweliad gan y Comisiynydd os gwelwch yn dda | visit
            """)
    void aSentenceThatOnlyAsksForAFlowStartsIt(Language language, String said, String flow) {
        EngineHarness.Chat chat = h.chat(200 + Math.abs(said.hashCode() % 1000), language);
        chat.send(said);
        assertThat(chat.session().orElseThrow().flowId()).as(said).isEqualTo(flow);
        assertThat(chat.step()).as(said).isEqualTo("organisation");
    }

    @Test
    void aSentenceWithMoreInItOffersRegistrationBesideTheMessage() {
        EngineHarness.Chat chat = h.chat(101, Language.EN);
        Reply reply = chat.send("Hi, I want to register my charity but our treasurer is away until March");
        assertThat(reply.choices()).extracting(Choice::value).contains("c:confirm", "/register");
        assertThat(reply.text()).contains("If you would like to start \"Register your organisation\" instead");
        chat.tap("/register");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("register");
        assertThat(chat.step()).isEqualTo("organisation");
    }

    @Test
    void theOfferedButtonStaysWhileTheSummaryIsShownAgain() {
        EngineHarness.Chat chat = h.chat(107, Language.CY);
        chat.send("Sut mae cofrestru? Mae ein trysorydd i ffwrdd tan fis Mawrth");
        Reply again = chat.send("hmm");
        assertThat(again.choices()).extracting(Choice::value).contains("c:confirm", "/register");
        chat.send("Newid ateb");
        chat.send("Eich neges");
        assertThat(chat.step()).isEqualTo("message");
        Reply summary = chat.send("Sut mae cofrestru ein clwb?");
        assertThat(summary.choices()).extracting(Choice::value).contains("c:confirm", "/register");
        chat.tap("/register");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("register");
    }

    @Test
    void aQuestionOrANegationIsNotTakenAsTheRequest() {
        Reply question = h.chat(105, Language.EN).send("How do I register?");
        assertThat(question.choices()).extracting(Choice::value).contains("c:confirm", "/register");
        EngineHarness.Chat negated = h.chat(106, Language.EN);
        negated.send("we don't want to register");
        assertThat(negated.session().orElseThrow().flowId()).isNotEqualTo("register");
    }

    @Test
    void aWelshSentenceAboutAVisitOffersTheVisitApplication() {
        EngineHarness.Chat chat = h.chat(102, Language.CY);
        Reply reply = chat.send("A fyddai'r Comisiynydd yn gallu ymweld â ni?");
        assertThat(reply.choices()).extracting(Choice::value).contains("/visit");
        chat.tap("/visit");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("visit");
    }

    @Test
    void aMessageThatNamesNothingOrTwoThingsIsOnlyAMessage() {
        EngineHarness.Chat chat = h.chat(103, Language.EN);
        Reply plain = chat.send("Our community centre was broken into last night");
        assertThat(plain.choices()).extracting(Choice::value).noneMatch(v -> v.startsWith("/"));
        EngineHarness.Chat other = h.chat(104, Language.EN);
        Reply both = other.send("Do we need to register before a visit?");
        assertThat(both.choices()).extracting(Choice::value).noneMatch(v -> v.startsWith("/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CY | ia
            CY | na
            EN | yes
            EN | no thanks
            EN | 👍
            EN | ...
            """)
    void aYesOrNoOrAnEmojiOnItsOwnShowsTheMenuInsteadOfDraftingAMessage(Language language, String said) {
        EngineHarness.Chat chat = h.chat(400 + Math.abs(said.hashCode() % 1000), language);
        Reply reply = chat.send(said);
        assertThat(chat.session()).as(said).isEmpty();
        assertThat(reply.choices()).as(said).extracting(Choice::value).contains("/register", "/visit");
    }

    @Test
    void aRequestTypedInsteadOfALanguageIsStartedOnceTheLanguageIsChosen() {
        EngineHarness.Chat chat = h.chat(108, null);
        chat.send("Shwmae");
        chat.send("hoffwn i gofrestru");
        assertThat(chat.language()).isNull();
        chat.send("Cymraeg");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("register");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CY | dad-danysgrifio                  | Pong cy unsubscribe
            CY | Dim mwy o gylchlythyrau plis     | Pong cy unsubscribe
            EN | unsubscribe me please            | Pong unsubscribe
            EN | no more newsletters thanks       | Pong unsubscribe
            CY | fy nata                          | Pong cy mydata
            EN | stop                             | There is nothing under way to stop
            CY | stopio                           | Does dim byd ar y gweill i'w stopio
            """)
    void aCommandOffTheMenuAskedForInWordsRunsIt(Language language, String said, String answer) {
        EngineHarness.Chat chat = h.chat(600 + Math.abs(said.hashCode() % 1000), language);
        Reply reply = chat.send(said);
        assertThat(chat.session()).as(said).isEmpty();
        assertThat(reply.text()).as(said).contains(answer);
    }

    @Test
    void deletingMyDataInASentenceStartsForgetNotMyData() {
        EngineHarness.Chat chat = h.chat(109, Language.EN);
        chat.send("please delete my data");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("forget");
        Reply question = h.chat(110, Language.EN).send("What data do you hold about me?");
        assertThat(question.choices()).extracting(Choice::value).contains("c:confirm", "/mydata");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hoffwn ddweud fy nweud ar yr ymgynghoriad
            Hoffwn roi fy marn ar yr ymgynghoriad diweddaraf
            I'd like to have my say on the consultation
            I want to respond to the consultation
            """)
    void askingToHaveASayOnAConsultationOnlyAsksForConsultations(String said) {
        assertThat(Vocabulary.standard().intendedFlows(said)).containsExactly("consultations");
        assertThat(Vocabulary.standard().onlyAsksFor(said)).isTrue();
    }

    @Test
    void aMenuLabelTypedAtAMessageSummaryStartsThatEntry() {
        EngineHarness.Chat chat = h.chat(111, Language.EN);
        Reply reply = chat.send("Can the commissioner come and see our project?");
        assertThat(reply.choices()).extracting(Choice::value).contains("c:confirm", "/visit");
        chat.send("Apply for a visit by the Commissioner");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("visit");
        EngineHarness.Chat welsh = h.chat(112, Language.CY);
        welsh.send("Mae gen i gwestiwn am ein cyllid");
        welsh.send("cofrestru eich sefydliad");
        assertThat(welsh.session().orElseThrow().flowId()).isEqualTo("register");
    }
}
