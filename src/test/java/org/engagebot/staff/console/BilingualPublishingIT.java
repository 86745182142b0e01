package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the office publishes is bilingual (Welsh Language Standards): a newsletter, consultation or event whose text
 * serves both languages is refused at send/publish/invite, in the staff API (422 naming the field) and in the
 * console, unless staff said why it goes in one language; that reason is recorded, audited and shown. Publishing a
 * consultation from the console first shows the invitations per channel and language and the channels not set up.
 */
class BilingualPublishingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
        HttpResponse<String> imported = service.post("/api/contacts/import", "text/csv",
                "email,organisation,area,language,subscribed\nty@example.org,Tŷ Croeso,gwynedd,cy,yes\n"
                        + "hall@example.org,Hall Trust,conwy,en,yes\n");
        assertThat(imported.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theApiRefusesOneLanguageWithoutAReasonAndRecordsTheReasonWhenGiven() throws Exception {
        long newsletter = json(service.postJson("/api/newsletters", "{\"title\": \"Road closures\", \"body\": \"Tomorrow\"}")).get("id").asLong();
        HttpResponse<String> refused = service.postJson("/api/newsletters/" + newsletter + "/send", "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("field").asText()).isNotBlank();
        assertThat(json(refused).get("message").asText()).contains("one language", "onlyBecause");
        assertThat(service.postJson("/api/newsletters/" + newsletter + "/send", "{\"onlyLanguage\": \"fr\", \"onlyBecause\": \"x\"}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> sent = service.postJson("/api/newsletters/" + newsletter + "/send",
                "{\"onlyLanguage\": \"en\", \"onlyBecause\": \"Urgent road safety notice; Welsh follows within a day\"}");
        assertThat(sent.statusCode()).isEqualTo(202);

        JsonNode consultation = json(service.postJson("/api/consultations", "{\"title\": \"Lights\", \"summary\": \"Tell us\", "
                + "\"questions\": [{\"text\": \"Where?\"}]}"));
        long cid = consultation.get("id").asLong();
        HttpResponse<String> notPublished = service.postJson("/api/consultations/" + cid + "/publish", "");
        assertThat(notPublished.statusCode()).isEqualTo(422);
        assertThat(json(notPublished).get("field").asText()).isNotBlank();
        assertThat(service.postJson("/api/consultations/" + cid + "/publish", "{\"onlyLanguage\": \"en\", "
                + "\"onlyBecause\": \"A technical consultation for one English-speaking partner\"}").statusCode()).isEqualTo(200);

        long event = json(service.postJson("/api/events", "{\"title\": \"Forum\", \"description\": \"Meet us\", "
                + "\"startsAt\": \"2030-03-01T10:00:00Z\", \"place\": \"Hall\"}")).get("id").asLong();
        assertThat(service.postJson("/api/events/" + event + "/invite", "").statusCode()).isEqualTo(422);
        long welshOnly = json(service.postJson("/api/events", "{\"title\": \"Fforwm\", \"description\": \"Dewch\", "
                + "\"startsAt\": \"2030-03-02T10:00:00Z\", \"place\": \"Neuadd\", \"onlyLanguage\": \"cy\", "
                + "\"onlyBecause\": \"Digwyddiad Cymraeg i ddysgwyr\"}")).get("id").asLong();
        assertThat(service.postJson("/api/events/" + welshOnly + "/invite", "").statusCode()).isEqualTo(200);

        ConsoleForms forms = new ConsoleForms(service);
        forms.signIn("admin", TestService.ADMIN_PASSWORD);
        assertThat(forms.get("/console/audit").body()).contains("English only because: Urgent road safety notice",
                "Welsh only because: Digwyddiad Cymraeg i ddysgwyr");
    }

    @Test
    void anOfficeWorkerWritesBothLanguagesOrSaysWhyNotAndChecksAConsultationBeforeItGoes() {
        try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.signInAsAdmin();
            browser.open("/console/newsletters/new");
            browser.driver.findElement(By.id("title_en")).sendKeys("Surgery dates");
            browser.driver.findElement(By.id("body_en")).sendKeys("The Commissioner holds surgeries in **March**.");
            browser.driver.findElement(By.id("send-now")).click();
            assertThat(browser.waitFor(By.id("error")).getText()).contains("Give the Welsh title", "English only");
            assertThat(browser.driver.findElement(By.id("title_cy")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("title_en")).getAttribute("value")).isEqualTo("Surgery dates");
            browser.checkAccessible("compose-one-language-refused");

            browser.driver.findElement(By.id("only-en")).click();
            WebElement refused = browser.driver.findElement(By.id("error"));
            browser.driver.findElement(By.id("send-now")).click();
            // the refused page has an #error too: wait for the next page before reading it
            browser.waiter().until(d -> {
                try {
                    refused.isEnabled();
                    return false;
                } catch (org.openqa.selenium.WebDriverException gone) {
                    return true;
                }
            });
            assertThat(browser.waitFor(By.id("error")).getText()).contains("Say why it goes in English only");
            assertThat(browser.driver.findElement(By.id("onlyBecause")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.driver.findElement(By.id("onlyBecause")).sendKeys("The translator is away until Monday");
            browser.driver.findElement(By.id("send-now")).click();
            assertThat(browser.waitFor(By.id("one-language-reason")).getText())
                    .isEqualTo("English only because: The translator is away until Monday");
            browser.checkAccessible("newsletter-confirm-english-only");
            browser.driver.findElement(By.id("confirm-send")).click();
            browser.waitFor(By.id("newsletter-status"));

            browser.open("/console/consultations");
            Map<String, String> fields = Map.of("title_en", "Safer parks", "title_cy", "Parciau mwy diogel",
                    "summary_en", "Tell us where", "summary_cy", "Dywedwch wrthym ble");
            fields.forEach((id, text) -> browser.driver.findElement(By.id(id)).sendKeys(text));
            browser.driver.findElement(By.id("questions")).sendKeys("text | Which park? | Pa barc?");
            browser.driver.findElement(By.id("create-consultation")).click();
            browser.waitFor(By.id("publish")).click();
            String table = browser.waitFor(By.id("confirm-audience")).getText();
            assertThat(browser.text(By.id("audience-email"))).as(table).isEqualTo("Email 1 1 0 2");
            assertThat(browser.text(By.id("email-off"))).contains("Email is not set up", "2 email invitations");
            assertThat(browser.driver.findElements(By.id("not-bilingual"))).isEmpty();
            browser.checkAccessible("consultation-confirm");
            browser.driver.findElement(By.id("confirm-publish")).click();
            assertThat(browser.waitFor(By.id("consultation-status")).getText()).isEqualTo("PUBLISHED");
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
