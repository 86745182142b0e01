package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.events.EventFixtures.json;

/**
 * The event's generated flows on the web channel's question pages (/forms/event-rsvp-ID, /forms/event-question-ID),
 * in Welsh and English, as the invitation's links lead: an RSVP with needs and translation, a question, and the
 * feedback reaching the visitor at the address they gave.
 */
class EventWebIT {
    private MailHarness mail;
    private TestService service;

    @BeforeEach
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.test.clock", "2026-11-01T09:00:00Z",
                "engagebot.web.min-page-time", "0s")));
    }

    @AfterEach
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aVisitorAnswersAndAsksOnTheWebPagesInWelshAndEnglish() throws Exception {
        long id = json(service.postJson("/api/events", "{\"title\": {\"en\": \"Annual engagement event\", \"cy\": "
                + "\"Digwyddiad ymgysylltu blynyddol\"}, \"description\": {\"en\": \"The plan\", \"cy\": \"Y cynllun\"}, "
                + "\"startsAt\": \"2026-12-03T10:00:00Z\", \"online\": \"https://meet.example/agm\"}"), 201).get("id").asLong();
        json(service.postJson("/api/events/" + id + "/invite", ""), 200);

        WebFormClient visitor = new WebFormClient(service.url("/"));
        Page page = visitor.get("/forms/event-rsvp-" + id + "?lang=cy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("Fyddwch chi'n dod i'r digwyddiad hwn: Digwyddiad ymgysylltu blynyddol?");
        java.util.List<String> seen = new java.util.ArrayList<>();
        page = visitor.answer(page, page.option("Dof, mi fydda i yno"));
        seen.add(page.heading());
        page = visitor.answer(page, "Siôn Gwe");
        seen.add(page.heading());
        page = visitor.answer(page, "sion@web.example");
        seen.add(page.heading());
        page = visitor.answer(page, "Dolen sain");
        seen.add(page.heading() + page.form().select("input[type=radio][name=answer]").eachAttr("value"));
        page = visitor.answer(page, page.form().select("input[type=radio][name=answer]").first().attr("value"));
        seen.add(page.heading());
        page = visitor.submit(page, "skip", Map.of());
        assertThat(page.form().select("button[name=action][value=confirm]")).as(seen + " " + page.heading() + " "
                + page.errors()).hasSize(1);
        page = visitor.submit(page, "confirm", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().text()).contains("Mae gennych le yn y digwyddiad hwn: Digwyddiad ymgysylltu blynyddol");

        page = visitor.get("/forms/event-question-" + id + "?lang=en");
        assertThat(page.heading()).isEqualTo("What would you like to ask the Commissioner at Annual engagement event?");
        page = visitor.answer(page, "How will you tackle rural crime?");
        if (page.form() != null && !page.form().select("button[name=action][value=confirm]").isEmpty()) {
            page = visitor.submit(page, "confirm", Map.of());
        }
        assertThat(page.doc().text()).contains("Your question Q-");

        JsonNode rsvp = json(service.get("/api/events/" + id + "/rsvps"), 200).get(0);
        assertThat(rsvp.get("channel").asText()).isEqualTo("web");
        assertThat(rsvp.get("contact").get("email").asText()).isEqualTo("sion@web.example");
        assertThat(rsvp.get("contact").get("name").asText()).isEqualTo("Siôn Gwe");
        assertThat(rsvp.get("needs").asText()).isEqualTo("Dolen sain");
        assertThat(rsvp.get("translation").asBoolean()).isTrue();
        assertThat(json(service.get("/api/events/" + id + "/questions"), 200).get(0).get("channel").asText()).isEqualTo("web");

        json(service.postJson("/api/events/" + id + "/feedback", "{\"text\": {\"en\": \"We heard you.\", \"cy\": "
                + "\"Clywsom ni chi.\"}}"), 200);
        assertThat(MailHarness.text(mail.waitFor("sion@web.example", 1))).contains("Clywsom ni chi.")
                .doesNotContain("We heard you.");
    }
}
