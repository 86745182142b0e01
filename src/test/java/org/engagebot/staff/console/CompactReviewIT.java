package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Text;
import org.engagebot.enquiries.EnquiryService;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.visits.Decision;
import org.engagebot.visits.VisitService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compact's annual review, as an office worker reads it for a year and for a quarter: a visit against the
 * target, a newsletter counted in organisations reached (one on two channels counts once), a consultation's window,
 * respondents by channel, language and area and its "you said, we did", registrations by area, a message raised and
 * the time to its first reply, and what went out in English only with the reason. Then the same as one CSV.
 */
class CompactReviewIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReviewAnswersTheCompactForAYearAndAQuarterOnOnePageAndInOneCsv() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start("123:TEST");
             TestService service = TestService.start(Map.of("engagebot.test.clock", "2026-02-02T09:00:00Z",
                     "engagebot.telegram.token", "123:TEST", "engagebot.telegram.api-url", telegram.baseUrl()))) {
            service.post("/api/contacts/import", "text/csv", "email,organisation,area,language,telegram,subscribed,sector\n"
                    + "ty@example.org,Tŷ Croeso,gwynedd,cy,9001,yes,youth;rural\nhall@example.org,Hall Trust,conwy,en,9002,yes,youth\n");
            Transactions tx = service.bean(Transactions.class);
            Db db = service.bean(Db.class);

            Participant applicant = service.bean(Participants.class).identify("console", "visit-applicant", null);
            VisitService visits = service.bean(VisitService.class);
            long visit = tx.write(() -> visits.submit(applicant, Map.of("organisation", "Llan Youth Club", "contact_name", "Dewi",
                    "email", "dewi@example.org", "area", "conwy", "purpose", "Meet the young people", "publicity", "yes"))
                    .application().id());
            visits.decide(visit, new Decision("shortlisted", null, null, null), "admin");
            visits.decide(visit, new Decision("scheduled", "2026-03-20T10:30", "Llandudno", null), "admin");

            long news = JSON.readTree(service.postJson("/api/newsletters", "{\"title\": {\"en\": \"Spring news\", "
                    + "\"cy\": \"Newyddion y gwanwyn\"}, \"body\": {\"en\": \"Grants\", \"cy\": \"Grantiau\"}}").body()).get("id").asLong();
            assertThat(service.postJson("/api/newsletters/" + news + "/send", "{}").statusCode()).isEqualTo(202);
            long urgent = JSON.readTree(service.postJson("/api/newsletters", "{\"title\": \"Road closure\", \"body\": \"Today\", "
                    + "\"onlyLanguage\": \"en\", \"onlyBecause\": \"Police notice at an hour's notice\"}").body()).get("id").asLong();
            assertThat(service.postJson("/api/newsletters/" + urgent + "/send", "{}").statusCode()).isEqualTo(202);
            telegram.awaitMessage(9001, m -> m.text().contains("Newyddion y gwanwyn"), Duration.ofSeconds(20));
            telegram.awaitMessage(9002, m -> m.text().contains("Road closure"), Duration.ofSeconds(20));
            awaitSent(db);

            ConsultationDesk desk = service.bean(ConsultationDesk.class);
            long consultation = desk.create("{\"title\": {\"en\": \"Safer streets\", \"cy\": \"Strydoedd mwy diogel\"}, "
                    + "\"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch\"}, \"closesAt\": \"2026-03-01\", "
                    + "\"shortReason\": {\"en\": \"The council decides in March\", \"cy\": \"Mae'r cyngor yn penderfynu ym mis Mawrth\"}, "
                    + "\"questions\": [{\"text\": {\"en\": \"Where?\", \"cy\": \"Ble?\"}}]}", "admin").id();
            desk.publish(consultation, "admin");
            long ty = JSON.readTree(service.get("/api/contacts?email=ty@example.org").body()).get(0).get("id").asLong();
            Clock clock = service.bean(Clock.class);
            db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, contact_id, channel, address, language, "
                    + "answers, version, received_at, text) VALUES (?, ?, ?, 'email', 'ty@example.org', 'cy', '{\"q1\": \"Stryd Fawr\"}', "
                    + "1, ?, 'Stryd Fawr')", consultation, "contact:" + ty, ty, clock.instant());
            db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, channel, address, language, answers, "
                    + "version, received_at, text) VALUES (?, 'participant:77', 'telegram', '5005', 'en', '{\"q1\": \"High St\"}', 1, ?, "
                    + "'High St')", consultation, clock.instant());
            desk.outcome(consultation, new Text("Lights on the High Street", "Goleuadau ar y Stryd Fawr"), "admin");

            Participant writer = tx.write(() -> service.bean(Participants.class).identify("console", "terminal-1", "Dewi"))
                    .withLanguage(Language.EN);
            ConversationEngine engine = service.bean(ConversationEngine.class);
            tx.write(() -> engine.handle(writer, Input.fromText("Can the PCC speak at our AGM?"), false));
            tx.write(() -> engine.handle(writer, new Input.Picked("c:confirm"), false));
            EnquiryService enquiries = service.bean(EnquiryService.class);
            enquiries.reply(enquiries.list("open").get(0).id(), new Text("Yes", "Iawn"), "admin");

            try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
                browser.signInAsAdmin();
                browser.open("/console/review");
                browser.waitFor(By.linkText("Compact review"));
                assertThat(browser.text(By.tagName("h1"))).isEqualTo("Compact review · 2026");
                assertThat(browser.text(By.id("review-visits"))).isEqualTo("0 visited and 1 scheduled, against a target of 6");
                assertThat(browser.text(By.id("review-newsletters"))).contains("Spring news Q1", "Road closure Q1")
                        .as("two organisations, each on email-less Telegram: counted once each").contains(" 2 0 2");
                assertThat(browser.text(By.id("review-consultations"))).contains("CON-2026-01 Safer streets",
                        "The council decides in March", "email 1, Telegram 1", "English 1, Welsh 1",
                        "Gwynedd 1, not a registered contact 1", "sent Mon 2 Feb 2026");
                assertThat(browser.text(By.id("review-raised"))).isEqualTo("1 raised; median time to first reply: 0 hours");
                assertThat(browser.text(By.id("review-one-language"))).contains("newsletter", "English only",
                        "Police notice at an hour's notice", "admin");
                assertThat(browser.driver.findElement(By.id("chart-visits")).getAttribute("role")).isEqualTo("img");
                assertThat(browser.driver.findElement(By.id("chart-registrations-t")).getAttribute("textContent"))
                        .contains("Conwy 1", "Gwynedd 1");
                assertThat(browser.driver.findElement(By.id("chart-sectors-t")).getAttribute("textContent"))
                        .as("an organisation counts once in each of its sectors").contains("Children and young people 2",
                                "Rural communities 1");
                assertThat(browser.text(By.id("review-registrations"))).contains("Conwy Children and young people 1",
                        "Gwynedd Children and young people 1", "Gwynedd Rural communities 1");
                browser.checkAccessible("review-year");

                new Select(browser.driver.findElement(By.id("quarter"))).selectByValue("2");
                browser.driver.findElement(By.cssSelector("form.filters button")).click();
                browser.waiter().until(d -> d.findElement(By.tagName("h1")).getText().equals("Compact review · 2026 Q2"));
                assertThat(browser.text(By.id("review-visits"))).isEqualTo("0 visited and 0 scheduled, against a target of 1.5");
                browser.checkAccessible("review-quarter");
            }

            ConsoleForms forms = new ConsoleForms(service);
            forms.signIn("admin", TestService.ADMIN_PASSWORD);
            String csv = forms.get("/console/review/export?year=2026").body();
            assertThat(csv).startsWith("\"section\",\"item\",\"measure\",\"value\",\"at\"\r\n")
                    .contains("\"visits\",\"2026\",\"target\",\"6\",\"\"",
                            "\"scheduled\",\"conwy\",\"2026-03-20T10:30Z\"",
                            "\"newsletters\",\"Spring news (Q1)\",\"people reached\",\"2\"",
                            "\"respondents by area: gwynedd\",\"1\"",
                            "\"new contacts by sector: Children and young people\",\"2\"",
                            "\"new contacts in gwynedd by sector: Rural communities\",\"1\"",
                            "\"English only because\",\"Police notice at an hour's notice\"");
        }
    }

    private static void awaitSent(Db db) throws InterruptedException {
        for (int i = 0; i < 200 && db.count("SELECT count(*) FROM outbox WHERE batch_type = 'newsletter' AND status = 'SENT'") < 4; i++) {
            Thread.sleep(100);
        }
    }
}
