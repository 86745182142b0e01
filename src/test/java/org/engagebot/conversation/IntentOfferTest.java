package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sentence sent outside a conversation that names what the person wants ("I want to register my charity") is still
 * ready to go to the office as a message, and also offers a button that starts the flow it names, with the shipped
 * flows and vocabulary.
 */
class IntentOfferTest {
    @TempDir
    static Path dir;
    static EngineHarness h;

    @BeforeAll
    static void harness() throws java.io.IOException {
        h = new EngineHarness(dir, true);
    }

    @Test
    void aSentenceAskingToRegisterOffersRegistrationBesideTheMessage() {
        EngineHarness.Chat chat = h.chat(101, Language.EN);
        Reply reply = chat.send("Hi, I want to register my charity please");
        assertThat(reply.choices()).extracting(Choice::value).contains("c:confirm", "/register");
        assertThat(reply.text()).contains("If you would like to start \"Register your organisation\" instead");
        chat.tap("/register");
        assertThat(chat.session().orElseThrow().flowId()).isEqualTo("register");
        assertThat(chat.step()).isEqualTo("organisation");
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
}
