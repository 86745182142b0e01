package org.engagebot.staff.console;

import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.visits.VisitApplication;
import org.engagebot.visits.VisitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office worker opens the console from the bare address, reads a visit application at a glance (the flow's
 * labels, in its order, times for people) and tries to schedule a visit in the past: refused with a reason, what was
 * typed kept, the applicant not told; the API refuses the same with 422.
 */
class ConsoleCasesIT {
    /** "Tue 4 Mar 2027, 10:30". */
    static final String PEOPLE_TIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}";
    private static TestService service;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        service = TestService.start();
        browser = new ConsoleBrowser(service);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        service.close();
    }

    @Test
    void theBareAddressOpensTheConsoleAndNoBrowserPathAsksForABasicPassword() {
        HttpResponse<String> root = service.send(HttpRequest.newBuilder(service.url("/")).header("Accept", "text/html").GET().build());
        assertThat(root.statusCode()).as(root.headers().map() + " " + root.body()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/console");
        for (String path : List.of("/", "/console", "/console/visits", "/console/no-such-page", "/no-such-page", "/admin")) {
            HttpResponse<String> r = service.send(HttpRequest.newBuilder(service.url(path)).header("Accept", "text/html").GET().build());
            assertThat(r.headers().allValues("WWW-Authenticate")).as(path).noneMatch(v -> v.startsWith("Basic"));
            assertThat(r.statusCode()).as(path).isNotEqualTo(401);
        }
        assertThat(service.send(HttpRequest.newBuilder(service.url("/favicon.ico")).GET().build()).headers()
                .allValues("Set-Cookie")).as("a favicon fetch must not replace the sign-in form's cookie").isEmpty();
        HttpResponse<String> api = service.send(HttpRequest.newBuilder(service.url("/api/visits")).GET().build());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        browser.open("/");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    void aVisitApplicationReadsAtAGlanceAndAPastDateIsRefusedWithAReason() {
        Participant p = service.bean(Participants.class).identify("console", "glance-applicant", null);
        service.bean(Participants.class).setLanguage(p.id(), Language.CY);
        Participant welsh = service.bean(Participants.class).byId(p.id()).orElseThrow();
        VisitService visits = service.bean(VisitService.class);
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("publicity", "no");
        answers.put("community_safety", "Fewer call-outs on Friday nights");
        answers.put("email", "siwan@example.org");
        answers.put("organisation", "Clwb Ieuenctid Llan");
        answers.put("contact_name", "Siwan Jones");
        answers.put("area", "conwy");
        answers.put("purpose", "Youth club for 11-18 year olds");
        VisitApplication a = service.bean(Transactions.class).write(() -> visits.submit(welsh, answers)).application();

        browser.signInAsAdmin();
        browser.open("/console/visits");
        assertThat(browser.text(By.tagName("table"))).containsPattern(PEOPLE_TIME).doesNotContain("T1", "Z<");
        browser.driver.findElement(By.linkText(a.reference())).click();

        List<String> labels = browser.waitFor(By.id("visit-answers")).findElements(By.tagName("dt")).stream()
                .map(WebElement::getText).toList();
        assertThat(labels).containsExactly("Organisation", "Contact name", "Area", "Email",
                "Purpose and role of the organisation", "Effect on crime and community safety",
                "May mention the visit publicly");
        String page = browser.text(By.id("main"));
        assertThat(page).doesNotContain("community_safety", "publicity_allowed", "contact_name");
        assertThat(browser.text(By.id("answer-publicity"))).isEqualTo("No");
        assertThat(browser.text(By.id("visit-language"))).isEqualTo("Welsh (Cymraeg)");
        assertThat(browser.text(By.id("visit-channel"))).isEqualTo("Terminal chat");
        assertThat(browser.text(By.id("visit-submitted"))).matches(PEOPLE_TIME);
        assertThat(browser.text(By.id("visit-history"))).containsPattern(PEOPLE_TIME);
        Select decision = new Select(browser.driver.findElement(By.id("decision-status")));
        assertThat(decision.getFirstSelectedOption().getAttribute("value")).isEmpty();
        assertThat(decision.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("", "declined", "shortlisted");
        browser.shot("visit-at-a-glance");

        decision.selectByValue("shortlisted");
        browser.driver.findElement(By.id("decide")).click();
        browser.waiter().until(d -> d.findElement(By.id("visit-status")).getText().equals("shortlisted"));
        Db db = service.bean(Db.class);
        long toldBefore = db.count("SELECT count(*) FROM outbox");

        new Select(browser.driver.findElement(By.id("decision-status"))).selectByValue("scheduled");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('decision-date').value = '2020-01-01';"
                + "document.getElementById('decision-time').value = '10:00';");
        browser.driver.findElement(By.id("decision-place")).sendKeys("Neuadd y Llan");
        browser.driver.findElement(By.id("decide")).click();
        assertThat(browser.waitFor(By.id("decision-error")).getText()).contains("in the past", "Wed 1 Jan 2020, 10:00");
        assertThat(browser.text(By.id("visit-status"))).isEqualTo("shortlisted");
        assertThat(browser.driver.findElement(By.id("decision-place")).getAttribute("value")).isEqualTo("Neuadd y Llan");
        assertThat(browser.driver.findElement(By.id("decision-date")).getAttribute("value")).isEqualTo("2020-01-01");
        assertThat(browser.driver.findElement(By.id("decision-date")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(browser.driver.findElement(By.id("decision-status"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("scheduled");
        browser.shot("visit-past-date-refused");
        assertThat(db.count("SELECT count(*) FROM outbox")).as("the applicant is not told").isEqualTo(toldBefore);

        HttpResponse<String> api = service.postJson("/api/visits/" + a.id() + "/decision",
                "{\"status\": \"scheduled\", \"scheduledAt\": \"2020-01-01T10:00\", \"place\": \"Hall\"}");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("in the past");
        assertThat(db.count("SELECT count(*) FROM outbox")).isEqualTo(toldBefore);
        assertThat(visits.find(a.id()).orElseThrow().status().code()).isEqualTo("shortlisted");
    }
}
