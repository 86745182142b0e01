package org.engagebot.channel.web;

import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No GET changes state: the language switch ({@code ?lang=}) on a page part-way through a form shows that page in the
 * language asked for and stores nothing; the page's next POST carries the language and switches the session. And what
 * the engine says that is not the question (a flow's introduction, a message waiting for the session) is on the page.
 */
class WebLanguageLinkIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.web.min-page-time", "0s"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLanguageLinkOnlyShowsThePageAndThePagesNextAnswerSwitchesTheSession() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page english = person.answer(person.get("/forms/register?lang=en"), "Bangor Food Bank");
        String key = latestSessionKey();
        assertThat(language(key)).isEqualTo("en");
        long inbox = inboxRows(key);

        Page welsh = person.get("/forms/register?lang=cy");
        assertThat(welsh.doc().selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(welsh.heading()).isNotEqualTo(english.heading()).isNotBlank();
        assertThat(welsh.form().selectFirst("input[name=lang]").attr("value")).isEqualTo("cy");
        assertThat(language(key)).as("a GET stores no language").isEqualTo("en");
        assertThat(inboxRows(key)).as("a GET sends the engine nothing").isEqualTo(inbox);
        assertThat(person.get("/forms/register").heading()).as("nothing was stored").isEqualTo(english.heading());

        Page next = person.answer(welsh, "Siân Jones");
        assertThat(language(key)).as("the page's POST switches").isEqualTo("cy");
        assertThat(next.doc().selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(next.doc().getElementById("engine-notes")).as("a chat's language thank-you is not the page's").isNull();
        assertThat(person.back(next).doc().getElementById("answer").attr("value")).as("place and answers kept")
                .isEqualTo("Siân Jones");
    }

    @Test
    void theFlowsIntroductionAndAMessageWaitingForTheSessionAreShownNotLost() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page first = person.get("/forms/register?lang=en");
        assertThat(first.doc().getElementById("engine-notes").text())
                .contains("Let's register your organisation").doesNotContain("/back", "/cancel");

        String key = latestSessionKey();
        service.bean(Transactions.class).run(() -> service.bean(Outbox.class)
                .enqueueReply("web", key, OutboundMessage.text("The office replied: the lights are fixed.")));
        Page again = person.get("/forms/register");
        assertThat(again.doc().getElementById("engine-notes").text()).as("a GET shows it").contains("the lights are fixed");
        assertThat(status(key)).as("and leaves it queued").isEqualTo("QUEUED");

        Page next = person.answer(again, "Rhyl Repair Cafe");
        assertThat(status(key)).isEqualTo("SENT");
        assertThat(next.doc().getElementById("engine-notes")).as("the turn that took it shows it").isNotNull();
        assertThat(next.doc().getElementById("engine-notes").text()).contains("the lights are fixed");
        assertThat(person.get("/forms/register").doc().getElementById("engine-notes")).isNull();
    }

    private static String latestSessionKey() {
        return service.bean(Db.class).one("SELECT session_key FROM web_session ORDER BY created_at DESC, rowid DESC LIMIT 1",
                rs -> rs.getString(1)).orElseThrow();
    }

    private static String language(String key) {
        return service.bean(Db.class).one("SELECT language FROM participant WHERE channel = 'web' AND address = ?",
                rs -> rs.getString(1), key).orElse(null);
    }

    private static long inboxRows(String key) {
        return service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'web' AND address = ?", key);
    }

    private static String status(String key) {
        return service.bean(Db.class).one("SELECT status FROM outbox WHERE channel = 'web' AND address = ? "
                + "AND payload LIKE '%lights are fixed%'", rs -> rs.getString(1), key).orElseThrow();
    }
}
