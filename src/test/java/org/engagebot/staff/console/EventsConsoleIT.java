package org.engagebot.staff.console;

import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Reply;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events console over plain HTTP as staff would use it: create and invite, a visitor on a web session answers
 * the generated RSVP and question flows through the engine (as the web channel's pages do; that channel is not on
 * this branch yet), attendance on the phone page, themes and the printable briefing, feedback reaching the visitor
 * at the address they gave, and the dashboard and report counts.
 */
class EventsConsoleIT {
    private MailHarness mail;
    private TestService service;
    private ConsoleForms browser;

    @BeforeEach
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.test.clock", "2026-11-01T09:00:00Z")));
        browser = new ConsoleForms(service);
        browser.signIn("admin", TestService.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void staffRunAnEventFromTheConsoleAndAWebVisitorIsToldWhatCameOfIt() throws Exception {
        String list = browser.get("/console/events").body();
        assertThat(list).contains("New event", "/calendar/admin.ics?key=");
        HttpResponse<String> created = browser.post("/console/events", Map.ofEntries(Map.entry("csrf",
                ConsoleForms.csrf(list)), Map.entry("title_en", "Annual engagement event"), Map.entry("title_cy",
                "Digwyddiad ymgysylltu blynyddol"), Map.entry("description_en", "The plan"), Map.entry("description_cy",
                "Y cynllun"), Map.entry("startsAt", "2026-12-03T10:00"), Map.entry("place", "Venue Cymru"),
                Map.entry("capacity", "50")));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = browser.get(location).body();
        assertThat(page).contains("EVT-2026-01: Annual engagement event", "Send the invitations");
        assertThat(browser.post(location + "/invite", Map.of("csrf", ConsoleForms.csrf(page))).statusCode()).isEqualTo(303);

        Participant visitor = service.bean(Participants.class).identify("web", "session-ann", null);
        service.bean(Participants.class).setLanguage(visitor.id(), Language.EN);
        Participant ann = service.bean(Participants.class).byId(visitor.id()).orElseThrow();
        assertThat(chat(ann, "/events rsvp " + id)).contains("Will you come to Annual engagement event?");
        chat(ann, "I'll come");
        chat(ann, "Ann Web");
        chat(ann, "ann@web.example");
        chat(ann, "Hearing loop");
        chat(ann, "no");
        assertThat(chat(ann, "none")).contains("check your answers");
        assertThat(chat(ann, "confirm")).contains("You have a place at Annual engagement event");
        chat(ann, "/events ask " + id);
        assertThat(chat(ann, "Will the street lights be fixed?")).contains("Your question Q-");

        page = browser.get(location).body();
        assertThat(page).contains("Ann Web", "ann@web.example", "Hearing loop", "Will the street lights be fixed?");
        long questionId = number(page, "Q-(\\d+)</strong>");
        browser.post(location + "/questions/" + questionId, Map.of("csrf", ConsoleForms.csrf(page), "theme", "Lighting",
                "answered", "yes"));
        String briefing = browser.get(location + "/briefing").body();
        assertThat(briefing).contains("Lighting (1)", "Will the street lights be fixed?", "(anonymous, web, en)");
        assertThat(browser.get(location + "/questions.csv").body()).contains("\"Lighting\"");

        SettableClock clock = (SettableClock) service.bean(Clock.class);
        clock.set(Instant.parse("2026-12-03T10:30:00Z"));
        browser.signIn("admin", TestService.ADMIN_PASSWORD);
        String attendance = browser.get(location + "/attendance").body();
        assertThat(attendance).contains("Ann Web", "Here", "Not here", "width=device-width");
        long rsvpId = number(attendance, "id=\"a(\\d+)\"");
        assertThat(browser.post(location + "/attendance/" + rsvpId, Map.of("csrf", ConsoleForms.csrf(attendance),
                "attended", "yes")).statusCode()).isEqualTo(303);
        assertThat(browser.get(location + "/attendance").body()).contains("✓ here", "1 of 1 here");

        page = browser.get(location).body();
        browser.post(location + "/feedback", Map.of("csrf", ConsoleForms.csrf(page), "feedback_en",
                "We are fixing the lights on Station Road.", "feedback_cy", "Rydym yn trwsio'r goleuadau ar Ffordd yr Orsaf."));
        assertThat(MailHarness.text(mail.waitFor("ann@web.example", 1))).contains("We are fixing the lights");

        assertThat(browser.get("/console/events").body()).contains("EVT-2026-01", "1 of 50");
        String dashboard = browser.get("/console").body();
        assertThat(dashboard).contains("Engagement events", "Questions answered");
        assertThat(browser.get("/console/report?year=2026").body()).contains("questions answered", "attended");
    }

    private String chat(Participant p, String text) {
        List<Reply> replies = service.bean(Transactions.class).write(() ->
                service.bean(ConversationEngine.class).handle(p, Input.fromText(text), true));
        return String.join("\n", replies.stream().map(Reply::text).toList());
    }

    private static long number(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return Long.parseLong(m.group(1));
    }

}
