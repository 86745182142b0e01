package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored XSS, as an attacker would try it: markup typed into the public web forms (an organisation's name and
 * description, a visit application's free text, a consultation answer) is then opened by staff in the console in a
 * real headless Chromium. Nothing the attacker typed may become an element or run; it reads back as the text typed.
 */
class StoredXssBrowserIT {
    private static final String MARK = "<img id=xss-img src=x onerror=window.__xss=1><script id=xss-script>window.__xss=2</script>";
    private static final String ATTR = "\"><svg id=xss-svg onload=window.__xss=3>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MailHarness mail;
    private static TestService service;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.web.min-page-time", "0s")));
        browser = new ConsoleBrowser(service);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        service.close();
        mail.close();
    }

    @Test
    void markupTypedIntoPublicFormsNeverRunsInTheConsole() throws Exception {
        long contact = registerThroughTheWebForm();
        long visit = applyForAVisitThroughTheWebForm();
        long consultation = answerAConsultationThroughTheWebForm();

        browser.signInAsAdmin();
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/console/contacts", "/console/contacts/" + contact, "/console/visits",
                "/console/visits/" + visit, "/console/consultations/" + consultation, "/console", "/console/audit")) {
            browser.open(path);
            problems.addAll(executed(path));
        }
        assertThat(problems).as("attacker's markup that became elements or ran").isEmpty();
        browser.open("/console/contacts/" + contact);
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).as("shown as the text typed")
                .contains("<img id=xss-img");
    }

    private static List<String> executed(String path) {
        List<String> found = new ArrayList<>();
        for (String id : List.of("xss-img", "xss-script", "xss-svg")) {
            if (!browser.driver.findElements(By.id(id)).isEmpty()) {
                found.add(path + ": an element #" + id);
            }
        }
        Object flag = ((JavascriptExecutor) browser.driver).executeScript("return window.__xss === undefined ? null : window.__xss");
        if (flag != null) {
            found.add(path + ": script ran (" + flag + ")");
        }
        try {
            browser.driver.switchTo().alert();
            found.add(path + ": an alert");
        } catch (NoAlertPresentException expected) {
            // none: as it should be
        }
        return found;
    }

    private static long registerThroughTheWebForm() throws Exception {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/register?lang=en");
        page = person.answer(page, "Acme " + MARK);
        page = person.answer(page, "Eve " + ATTR);
        page = person.answer(page, page.option("Gwynedd"));
        page = person.answer(page, "eve@attacker.example");
        page = person.answer(page, "01248 123456");
        page = person.submit(page, "skip", Map.of());
        page = person.answer(page, "We do things " + MARK + ATTR);
        page = person.answer(page, page.option("Yes, I agree"));
        page = person.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        assertThat(page.doc().getElementById("answers").text()).contains("Acme <img id=xss-img");
        assertThat(page.doc().select("#xss-img, #xss-script, #xss-svg")).as("the form's own summary").isEmpty();
        page = person.submit(page, "confirm", Map.of());
        page = person.answer(page, AddressCodes.latestCode(service.bean(Db.class), "eve@attacker.example"));
        assertThat(page.doc().getElementById("confirmation")).isNotNull();
        JsonNode contacts = JSON.readTree(service.get("/api/contacts?email=eve@attacker.example").body());
        assertThat(contacts.get(0).get("organisation").asText()).isEqualTo("Acme " + MARK);
        return contacts.get(0).get("id").asLong();
    }

    private static long applyForAVisitThroughTheWebForm() throws Exception {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/visit-application?lang=en");
        page = person.answer(page, "Visit " + MARK);
        page = person.answer(page, "Mallory " + ATTR);
        page = person.answer(page, "1 High Street " + MARK + "\nBangor LL57 1AA");
        page = person.answer(page, page.option("Gwynedd"));
        page = person.answer(page, "01248 123456");
        page = person.answer(page, "mallory@attacker.example");
        page = person.submit(page, "skip", Map.of());
        page = person.answer(page, "Purpose " + MARK);
        page = person.answer(page, "Safety " + ATTR);
        page = person.answer(page, "Issues " + MARK);
        page = person.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        page = person.submit(page, "confirm", Map.of());
        assertThat(page.status()).isEqualTo(200);
        JsonNode visits = JSON.readTree(service.get("/api/visits").body());
        for (JsonNode v : visits) {
            if (v.toString().contains("xss-img")) {
                return v.get("id").asLong();
            }
        }
        throw new AssertionError("the visit application was not stored: " + visits + "; last page: " + page.doc().text());
    }

    private static long answerAConsultationThroughTheWebForm() throws Exception {
        JsonNode created = JSON.readTree(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Safer streets\", "
                + "\"cy\": \"Strydoedd mwy diogel\"}, \"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch wrthym\"}, "
                + "\"questions\": [{\"type\": \"text\", \"text\": {\"en\": \"Which streets feel unsafe?\", \"cy\": "
                + "\"Pa strydoedd sy'n teimlo'n anniogel?\"}}]}").body());
        service.postJson("/api/consultations/" + created.get("id").asText() + "/publish", "");
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/" + created.get("reference").asText() + "?lang=en");
        page = person.answer(page, "The underpass " + MARK + ATTR);
        page = person.submit(page, "confirm", Map.of());
        assertThat(service.get("/api/consultations/" + created.get("id").asText() + "/responses").body()).contains("xss-img");
        return created.get("id").asLong();
    }
}
