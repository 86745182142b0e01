package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.visits.VisitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office worker fills every console form wrongly, in Chromium, first with the console in English and then in Welsh:
 * each form comes back with what was typed, the field marked (aria-invalid) and a reason, and in Welsh the reason
 * (error summary, field errors, alerts) has no English left in it. Screenshots: target/screenshots/form-error-*.png.
 */
class ConsoleFormErrorsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    private static long contact;
    private static long visit;
    private static long enquiry;

    /** One form filled wrongly: where, what to type, which button, which field keeps its value and which is marked. */
    private record Wrong(String name, String path, Consumer<ConsoleBrowser> fill, By submit, String keptId, String kept,
                         String markedId) {
    }

    @BeforeAll
    static void start() throws Exception {
        service = TestService.start(Map.of("engagebot.test.clock", "2027-01-04T09:00:00Z"));
        service.post("/api/contacts/import", "text/csv", "email,organisation,area,language,subscribed,phone\n"
                + "ty@example.org,Tŷ Croeso,gwynedd,cy,yes,01248 111 222\n");
        contact = JSON.readTree(service.get("/api/contacts?email=ty@example.org").body()).get(0).get("id").asLong();
        Participant applicant = service.bean(Participants.class).identify("console", "visit-applicant", null);
        VisitService visits = service.bean(VisitService.class);
        visit = service.bean(Transactions.class).write(() -> visits.submit(applicant, Map.of("organisation", "Clwb Llan",
                "contact_name", "Dewi", "email", "dewi@example.org", "area", "conwy", "purpose", "Cwrdd â'r bobl ifanc",
                "publicity", "yes")).application().id());
        // shortlisted, so that both a decline and a schedule are moves the form offers
        visits.decide(visit, new org.engagebot.visits.Decision("shortlisted", null, null, null), "admin");
        // a message raised in the terminal chat, for the inbox's reply box
        Participant writer = service.bean(Transactions.class).write(() -> service.bean(Participants.class)
                .identify("console", "terminal-1", "Dewi")).withLanguage(org.engagebot.conversation.Language.EN);
        org.engagebot.conversation.ConversationEngine engine = service.bean(org.engagebot.conversation.ConversationEngine.class);
        service.bean(Transactions.class).write(() -> engine.handle(writer, org.engagebot.conversation.Input.fromText(
                "Can the PCC speak at our AGM?"), false));
        service.bean(Transactions.class).write(() -> engine.handle(writer, new org.engagebot.conversation.Input.Picked("c:confirm"),
                false));
        enquiry = service.bean(org.engagebot.platform.Db.class).one("SELECT id FROM enquiry", rs -> rs.getLong(1)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static List<Wrong> forms() {
        return List.of(
                new Wrong("profile-add", "/console/contacts/new", b -> {
                    type(b, "email", "dim-cyfeiriad");
                    type(b, "website", "gwefan wael");
                }, By.id("save-profile"), "email", "dim-cyfeiriad", "organisation"),
                new Wrong("profile-edit", "/console/contacts/" + contact + "/edit", b -> {
                    b.driver.findElement(By.id("phone")).clear();
                    type(b, "phone", "ffôn");
                }, By.id("save-profile"), "phone", "ffôn", "phone"),
                new Wrong("note", "/console/contacts/" + contact, b -> ((JavascriptExecutor) b.driver).executeScript(
                        "document.getElementById('note').value = 'n'.repeat(5001)"), By.id("add-note"), "note", "n".repeat(5001),
                        "note"),
                new Wrong("person", "/console/contacts/" + contact, b -> {
                    b.driver.findElement(By.cssSelector("#person-form")).findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
                    type(b, "person_name", "Siân");
                    type(b, "person_email", "sian@");
                }, By.id("add-person"), "person_name", "Siân", "person_email"),
                new Wrong("visit-decision", "/console/visits/" + visit, b -> {
                    new Select(b.driver.findElement(By.id("decision-status"))).selectByValue("declined");
                }, By.id("decide"), "decision-status", "declined", "decision-note"),
                new Wrong("visit-past-date", "/console/visits/" + visit, b -> {
                    new Select(b.driver.findElement(By.id("decision-status"))).selectByValue("scheduled");
                    value(b, "decision-date", "2020-01-01");
                    value(b, "decision-time", "10:00");
                    type(b, "decision-place", "Neuadd y Llan");
                }, By.id("decide"), "decision-place", "Neuadd y Llan", "decision-date"),
                new Wrong("visit-paper", "/console/visits/paper", b -> type(b, "organisation", "Clwb Llan"),
                        By.id("enter-paper"), "organisation", "Clwb Llan", "contact_name"),
                new Wrong("consultation", "/console/consultations", b -> {
                    type(b, "title_en", "Parks");
                    type(b, "summary_en", "Tell us");
                }, By.id("create-consultation"), "title_en", "Parks", "title_cy"),
                new Wrong("consultation-questions", "/console/consultations", b -> {
                    type(b, "title_en", "Parks");
                    type(b, "title_cy", "Parciau");
                    type(b, "summary_en", "Tell us");
                    type(b, "summary_cy", "Dywedwch");
                    type(b, "questions", "dewis | Which? | Pa un?");
                }, By.id("create-consultation"), "title_cy", "Parciau", "questions"),
                new Wrong("event", "/console/events", b -> {
                    type(b, "title_en", "Forum");
                    type(b, "title_cy", "Fforwm");
                    type(b, "description_en", "Meet us");
                    type(b, "description_cy", "Dewch");
                    value(b, "startsAt", "2020-01-01T10:00");
                    type(b, "place", "Venue Cymru");
                }, By.id("create-event"), "place", "Venue Cymru", "startsAt"),
                new Wrong("meeting", "/console/meetings", b -> {
                    type(b, "name", "Panel Heddlu a Throsedd");
                    type(b, "body", "Panel");
                    new Select(b.driver.findElement(By.id("frequency"))).selectByValue("quarterly");
                    value(b, "nextAt", "2020-01-01T10:00");
                    type(b, "attendees", "clerc@example.org");
                }, By.id("register-meeting"), "name", "Panel Heddlu a Throsedd", "nextAt"),
                new Wrong("newsletter", "/console/newsletters/new", b -> type(b, "title_en", "News"),
                        By.id("send-now"), "title_en", "News", "title_cy"),
                new Wrong("import", "/console/contacts/import", b -> type(b, "csv", "enw,ebost\nTŷ,ty@example.org"),
                        By.id("preview-import"), "csv", "enw,ebost\nTŷ,ty@example.org", "csv"),
                new Wrong("staff", "/console/staff", b -> type(b, "staff-username", "x"),
                        By.cssSelector("form[aria-labelledby='change-h'] button"), "staff-username", "x", "staff-username"),
                new Wrong("enquiry-reply", "/console/enquiries", b -> type(b, "reply-" + enquiry, "   "),
                        By.cssSelector("form[action$='/" + enquiry + "/reply'] button"), null, null, "reply-" + enquiry),
                new Wrong("two-factor", "/console/two-factor", b -> type(b, "confirm-code", "000000"),
                        By.id("confirm-two-factor"), null, null, "confirm-code"));
    }

    @Test
    void everyFormFilledWronglyKeepsWhatWasTypedMarksTheFieldAndSaysWhyInTheStaffMembersLanguage() {
        List<String> problems = new ArrayList<>();
        try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.signInAsAdmin();
            for (String lang : List.of("en", "cy")) {
                if (lang.equals("cy")) {
                    browser.open("/console");
                    browser.driver.findElement(By.id("console-language")).click();
                    browser.waiter().until(d -> d.findElement(By.tagName("h1")).getText().equals("Dangosfwrdd"));
                }
                for (Wrong w : forms()) {
                    try {
                        problems.addAll(tryWrong(browser, w, lang));
                    } catch (RuntimeException | AssertionError e) {
                        problems.add(lang + " " + w.name() + ": " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }
            }
            browser.open("/console");
            browser.driver.findElement(By.id("console-language")).click();
        }
        assertThat(problems).as("forms refused without keeping, marking or saying why in the staff member's language").isEmpty();
    }

    @Test
    void theSignInPageReadsInTheLanguageLastChosenAndKeepsTheUsernameAfterAWrongPassword() {
        try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.open("/console/login");
            browser.driver.findElement(By.id("login-language")).click();
            browser.waiter().until(d -> d.findElement(By.tagName("h1")).getText().equals("Mewngofnodi i gonsol Engagebot"));
            browser.open("/console/login");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).as("remembered").isEqualTo("cy");
            type(browser, "username", "admin");
            type(browser, "password", "not-the-password");
            browser.driver.findElement(By.id("sign-in")).click();
            String said = browser.waitFor(By.id("login-error")).getText();
            browser.shot("form-error-cy-sign-in");
            assertThat(said).startsWith("Enw defnyddiwr neu gyfrinair anghywir");
            assertThat(englishIn(said)).isEmpty();
            assertThat(browser.driver.findElement(By.id("username")).getAttribute("value")).isEqualTo("admin");
            assertThat(browser.driver.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("password")).getAttribute("value")).as("a password is never sent back").isEmpty();
            browser.driver.findElement(By.id("login-language")).click();
            browser.waiter().until(d -> d.findElement(By.tagName("h1")).getText().equals("Sign in to the Engagebot console"));
        }
    }

    private static List<String> tryWrong(ConsoleBrowser browser, Wrong w, String lang) {
        List<String> problems = new ArrayList<>();
        browser.open(w.path());
        w.fill().accept(browser);
        browser.driver.findElement(w.submit()).click();
        WebElement said = browser.waitFor(By.cssSelector("[role=alert], #preview-rejected"));
        browser.shot("form-error-" + lang + "-" + w.name());
        String where = lang + " " + w.name() + ": ";
        if (said.getText().isBlank()) {
            problems.add(where + "no reason given");
        }
        if (w.keptId() != null) {
            String value = browser.driver.findElement(By.id(w.keptId())).getAttribute("value");
            if (!w.kept().equals(value)) {
                problems.add(where + "#" + w.keptId() + " lost what was typed (now '" + value + "')");
            }
        }
        if (w.markedId() != null && !"true".equals(browser.driver.findElement(By.id(w.markedId())).getAttribute("aria-invalid"))) {
            problems.add(where + "#" + w.markedId() + " is not marked");
        }
        if (lang.equals("cy")) {
            String reasons = String.join(" ", browser.driver.findElements(By.cssSelector("[role=alert], .field-error, "
                    + ".error-summary, #preview-rejected")).stream().map(WebElement::getText).toList());
            TreeSet<String> english = englishIn(reasons);
            if (!english.isEmpty()) {
                problems.add(where + "English in the reason: " + english);
            }
        }
        return problems;
    }

    /** Words from the Welsh walk's list of English words ({@link ConsoleAccessibilityIT#ENGLISH}), with their context. */
    private static TreeSet<String> englishIn(String text) {
        String words = text.replaceAll("\\S*(://|/|@)\\S*", " ");
        TreeSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("[A-Za-z’']+").matcher(words);
        while (m.find()) {
            if (ConsoleAccessibilityIT.ENGLISH.contains(m.group().toLowerCase(Locale.ROOT))) {
                found.add(words.substring(Math.max(0, m.start() - 25), Math.min(words.length(), m.end() + 25))
                        .replaceAll("\\s+", " ").strip());
            }
        }
        return found;
    }

    private static void type(ConsoleBrowser b, String id, String text) {
        b.driver.findElement(By.id(id)).sendKeys(text);
    }

    private static void value(ConsoleBrowser b, String id, String value) {
        ((JavascriptExecutor) b.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
