package org.engagebot.channel.web;

import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session fixation through "Save and come back later": an attacker saves a form, mails the link to herself and sends
 * it to a victim. Once the victim presses the link's button, the session is the victim's alone: the browser that
 * saved it is out, and the link cannot be used again to step back in (after the victim has typed her details, or
 * proved her address and linked the session to her record).
 */
class ResumeLinkFixationIT {
    private static final String CONTACT_QUESTION = "Who is the contact person? Please give their full name.";
    private static MailHarness mail;
    private static TestService service;

    @BeforeAll
    static void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.web.min-page-time", "0s")));
    }

    @AfterAll
    static void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aResumeLinkMovesTheSessionToTheVictimOnceAndOnlyOnce() {
        WebFormClient attacker = new WebFormClient(service.url("/"));
        Page page = attacker.answer(attacker.get("/forms/register?lang=en"), "Bait Charity");
        Page save = attacker.submit(page, "save", Map.of());
        attacker.submit(save, null, WebFormClient.fields("email", "mallory@evil.example"));
        String link = link(MailHarness.text(mail.waitFor("mallory@evil.example", 1)));

        WebFormClient victim = new WebFormClient(service.url("/"));
        Page resumed = victim.submit(victim.get(link), null, Map.of());
        assertThat(resumed.heading()).isEqualTo(CONTACT_QUESTION);

        assertThat(attacker.get("/forms/register?lang=en").heading())
                .as("the browser that saved the session is no longer in it").isNotEqualTo(CONTACT_QUESTION);
        WebFormClient again = new WebFormClient(service.url("/"));
        Page reused = again.submit(again.get(link), null, Map.of());
        assertThat(reused.heading()).as("a used link does not lead back in").isNotEqualTo(CONTACT_QUESTION);
        assertThat(victim.get("/forms/register?lang=en").heading()).as("the victim keeps her place")
                .isEqualTo(CONTACT_QUESTION);
    }

    @Test
    void aCookiePlantedInTheVictimsBrowserIsOutOnceSheProvesHerAddress() {
        WebFormClient attacker = new WebFormClient(service.url("/"));
        attacker.get("/forms/register?lang=en");
        WebFormClient victim = attacker.copy();
        Page page = victim.answer(victim.get("/forms/register?lang=en"), "Planted Cookie Trust");
        page = victim.answer(page, "Vera Victim");
        page = victim.answer(page, page.doc().select("input[name=answer]").first().attr("value"));
        page = victim.answer(page, "vera@victim.example");
        page = victim.answer(page, "01248 222333");
        page = victim.submit(page, "skip", Map.of());
        page = victim.answer(page, "Helping people.");
        page = victim.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        page = victim.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        page = victim.submit(page, "confirm", Map.of());
        assertThat(attacker.get("/forms/register").heading()).as("before the proof they share the session")
                .isEqualTo(page.heading());
        page = victim.answer(page, AddressCodes.latestCode(service.bean(Db.class), "vera@victim.example"));
        assertThat(page.doc().getElementById("confirmation")).isNotNull();

        Page planted = attacker.get("/forms/visit-application?lang=en");
        assertThat(planted.doc().outerHtml()).as("the planted cookie opens nothing of hers")
                .doesNotContain("Planted Cookie Trust", "vera@victim.example", "Vera Victim");
        Page hers = victim.get("/forms/visit-application?lang=en");
        assertThat(hers.status()).isEqualTo(200);
    }

    private static String link(String body) {
        Matcher m = Pattern.compile("https?://\\S+/forms/resume/\\S+").matcher(body);
        assertThat(m.find()).isTrue();
        return URI.create(m.group()).getPath();
    }
}
