package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.Axe;
import org.engagebot.visits.VisitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page an office worker opens, with something on it, checked by axe-core (WCAG 2.2 A/AA and best
 * practice) at desktop width and at 320 px, in English and in Welsh (the per-user language switch). Screenshots of
 * each land in target/screenshots/a11y-*.png.
 */
class ConsoleAccessibilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Axe.assumeInstalled();
        service = TestService.start();
        service.post("/api/contacts/import", "text/csv", "email,organisation,area,language,subscribed\n"
                + "ty@example.org,Tŷ Croeso,gwynedd,cy,yes\nhall@example.org,Hall Trust,conwy,en,yes\n");
        long contact = JSON.readTree(service.get("/api/contacts?email=ty@example.org").body()).get(0).get("id").asLong();
        long hall = JSON.readTree(service.get("/api/contacts?email=hall@example.org").body()).get(0).get("id").asLong();
        Transactions tx = service.bean(Transactions.class);
        Participant applicant = service.bean(Participants.class).identify("console", "visit-applicant", null);
        VisitService visits = service.bean(VisitService.class);
        long visit = tx.write(() -> visits.submit(applicant, Map.of("organisation", "Llan Youth Club", "contact_name", "Dewi",
                "email", "dewi@example.org", "area", "conwy", "purpose", "Meet the young people", "publicity", "yes"))
                .application().id());
        ConsultationDesk desk = service.bean(ConsultationDesk.class);
        long consultation = desk.create("{\"title\": {\"en\": \"Safer streets\", \"cy\": \"Strydoedd mwy diogel\"}, "
                + "\"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch\"}, \"questions\": [{\"type\": \"choice\", \"text\": "
                + "{\"en\": \"Do you feel safe?\", \"cy\": \"Ydych chi'n teimlo'n ddiogel?\"}, \"options\": [{\"en\": \"Yes\", "
                + "\"cy\": \"Ydw\"}, {\"en\": \"No\", \"cy\": \"Nac ydw\"}]}]}", "admin").id();
        long draft = desk.create("{\"title\": {\"en\": \"Parks\", \"cy\": \"Parciau\"}, \"summary\": {\"en\": \"Tell us\", "
                + "\"cy\": \"Dywedwch\"}, \"questions\": [{\"text\": {\"en\": \"Which?\", \"cy\": \"Pa un?\"}}]}", "admin").id();
        desk.publish(consultation, "admin");
        long newsletter = JSON.readTree(service.postJson("/api/newsletters", "{\"title\": {\"en\": \"News\", \"cy\": \"Newyddion\"}, "
                + "\"body\": {\"en\": \"Hello\", \"cy\": \"Helo\"}}").body()).get("id").asLong();
        long event = JSON.readTree(service.postJson("/api/events", "{\"title\": {\"en\": \"Forum\", \"cy\": \"Fforwm\"}, "
                + "\"description\": {\"en\": \"Meet us\", \"cy\": \"Dewch\"}, \"startsAt\": \"2030-03-01T10:00:00Z\", "
                + "\"place\": \"Venue Cymru\", \"capacity\": 40}").body()).get("id").asLong();
        service.postJson("/api/meetings", "{\"name\": \"North Wales Police and Crime Panel\", \"body\": \"Police and Crime Panel\", "
                + "\"frequency\": \"quarterly\", \"nextAt\": \"2030-01-20T14:00:00Z\", \"attendees\": [\"clerk@example.org\"], "
                + "\"public\": true}");
        Participant writer = tx.write(() -> service.bean(Participants.class).identify("console", "terminal-1", "Dewi"))
                .withLanguage(Language.EN);
        ConversationEngine engine = service.bean(ConversationEngine.class);
        tx.write(() -> engine.handle(writer, Input.fromText("Can the PCC speak at our AGM?"), false));
        tx.write(() -> engine.handle(writer, new Input.Picked("c:confirm"), false));

        PAGES.put("dashboard", "/console");
        PAGES.put("contacts", "/console/contacts");
        PAGES.put("contact", "/console/contacts/" + contact);
        PAGES.put("contact-edit", "/console/contacts/" + contact + "/edit");
        PAGES.put("contact-erase", "/console/contacts/" + contact + "/erase");
        PAGES.put("contact-merge-find", "/console/contacts/" + contact + "/merge?q=Hall");
        PAGES.put("contact-merge", "/console/contacts/" + contact + "/merge?with=" + hall);
        PAGES.put("import", "/console/contacts/import");
        PAGES.put("visits", "/console/visits");
        PAGES.put("visit", "/console/visits/" + visit);
        PAGES.put("newsletters", "/console/newsletters");
        PAGES.put("compose", "/console/newsletters/new");
        PAGES.put("newsletter", "/console/newsletters/" + newsletter);
        PAGES.put("newsletter-confirm", "/console/newsletters/" + newsletter + "/confirm");
        PAGES.put("consultations", "/console/consultations");
        PAGES.put("consultation", "/console/consultations/" + consultation);
        PAGES.put("consultation-confirm", "/console/consultations/" + draft + "/confirm");
        PAGES.put("events", "/console/events");
        PAGES.put("event", "/console/events/" + event);
        PAGES.put("event-attendance", "/console/events/" + event + "/attendance");
        PAGES.put("event-briefing", "/console/events/" + event + "/briefing");
        PAGES.put("enquiries", "/console/enquiries");
        PAGES.put("report", "/console/report");
        PAGES.put("review", "/console/review");
        PAGES.put("meetings", "/console/meetings");
        PAGES.put("visit-paper", "/console/visits/paper");
        PAGES.put("staff", "/console/staff");
        PAGES.put("audit", "/console/audit");
        PAGES.put("two-factor", "/console/two-factor");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        System.out.println("axe-core checked " + ConsoleBrowser.CHECKED.size() + " console pages: " + ConsoleBrowser.CHECKED);
    }

    @Test
    void everyConsolePagePassesAxeAtDesktopWidthAndAt320PixelsInEnglishAndInWelsh() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.open("/console/login");
            problems.addAll(browser.accessibilityProblems("a11y-login"));
            browser.signInAsAdmin();
            PAGES.forEach((name, path) -> {
                try {
                    browser.open(path);
                    assertThat(browser.driver.getTitle()).as(path).doesNotContain("Error").doesNotContain("Not Found");
                    problems.addAll(browser.accessibilityProblems("a11y-" + name));
                } catch (RuntimeException | AssertionError e) {
                    problems.add(name + " (" + path + ") did not open: " + e.getMessage().lines().findFirst().orElse(""));
                }
            });

            browser.open("/console/review");
            browser.driver.findElement(org.openqa.selenium.By.id("console-language")).click();
            browser.waiter().until(d -> d.findElement(org.openqa.selenium.By.tagName("h1")).getText().startsWith("Adolygiad y Compact"));
            assertThat(browser.driver.getCurrentUrl()).as("back on the page the switch was pressed on").endsWith("/console/review");
            assertThat(browser.driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
            PAGES.forEach((name, path) -> {
                try {
                    browser.open(path);
                    // the phone-sized attendance page and the printable briefing have no header
                    browser.driver.findElements(org.openqa.selenium.By.cssSelector("header.top"))
                            .forEach(h -> assertThat(h.getAttribute("lang")).isEqualTo("cy"));
                    problems.addAll(browser.accessibilityProblems("a11y-cy-" + name));
                } catch (RuntimeException | AssertionError e) {
                    problems.add("cy " + name + " (" + path + ") did not open: " + e.getMessage().lines().findFirst().orElse(""));
                }
            });
            browser.open("/console");
            assertThat(browser.text(org.openqa.selenium.By.tagName("h1"))).isEqualTo("Dangosfwrdd");
            assertThat(browser.text(org.openqa.selenium.By.tagName("nav"))).contains("Cysylltiadau", "Ymgynghoriadau", "Adolygiad y Compact");
            browser.driver.findElement(org.openqa.selenium.By.id("console-language")).click();
            browser.waiter().until(d -> d.findElement(org.openqa.selenium.By.tagName("h1")).getText().equals("Dashboard"));
        }
        assertThat(problems).as("axe-core findings on the console's pages").isEmpty();
    }

    /**
     * Common English words no Welsh page should show (words Welsh shares, such as "a", "i", "o", "at", "am", "all", "log",
     * "sector", "person", "staff", "problem", left out). Links and paths are not words; code and parts marked lang="en" are skipped.
     */
    static final java.util.Set<String> ENGLISH = java.util.Set.of(("the and of for with from your you this that "
            + "these is are was were will be been has have not yes new add edit search filter name email send sent save "
            + "create title status date time when who what which only any none open closed draft back delete remove "
            + "page next previous there choose enter waiting failed received reply answer answers question "
            + "questions language english welsh organisation area areas people contacts contact visits visit "
            + "newsletter newsletters events event messages message report review consultation consultations responses "
            + "results here until before after by or on in it its an as if can cannot must into more than then also each "
            + "every other first last day days week weeks year month nobody nothing notes note history details import "
            + "export download show schedule publish published scheduled declined shortlisted visited subscribed place "
            + "places attended attendance briefing audience channel channels phone website type source role tags theme "
            + "link delivery delivered progress preview summary decision applicant application applications submitted "
            + "token codes recovery security sign password account accounts username lock unlock audit action "
            + "subject detail").split(" "));
    /** What the test itself typed in English (organisations, a visit's purpose, a message): data, not the console's words. */
    private static final java.util.List<String> DATA = java.util.List.of("Meet the young people", "Llan Youth Club",
            "Can the PCC speak at our AGM?", "North Wales Police and Crime Panel", "Police and Crime Panel", "Hall Trust",
            "Do you feel safe?", "Safer streets", "Tell us", "Which?", "Meet us", "clerk@example.org", "dewi@example.org",
            "hall@example.org", "ty@example.org",
            // the question box's example shows the syntax with an English and a Welsh text side by side
            "Yes / Ydw ; No / Nac ydw");

    @Test
    void everyConsolePageReadsInWelshWhenTheSwitchIsOn() {
        java.util.Map<String, java.util.Set<String>> english = new java.util.TreeMap<>();
        try (ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.signInAsAdmin();
            browser.open("/console");
            if (!"cy".equals(browser.driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"))) {
                browser.driver.findElement(org.openqa.selenium.By.id("console-language")).click();
                browser.waiter().until(d -> d.findElement(org.openqa.selenium.By.tagName("h1")).getText().equals("Dangosfwrdd"));
            }
            PAGES.forEach((name, path) -> {
                browser.open(path);
                String text = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(VISIBLE_TEXT);
                for (String data : DATA) {
                    text = text.replace(data, " ");
                }
                text = text.replaceAll("\\S*(://|/)\\S*", " ");
                java.util.Set<String> found = new java.util.TreeSet<>();
                java.util.regex.Matcher words = java.util.regex.Pattern.compile("[A-Za-z’']+").matcher(text);
                while (words.find()) {
                    if (ENGLISH.contains(words.group().toLowerCase(java.util.Locale.ROOT))) {
                        // with a little of the text around it, so the page and the place are easy to find
                        found.add(text.substring(Math.max(0, words.start() - 25), Math.min(text.length(), words.end() + 25))
                                .replaceAll("\\s+", " ").strip());
                    }
                }
                if (!found.isEmpty()) {
                    english.put(name + " " + path, found);
                }
            });
            browser.open("/console");
            browser.driver.findElement(org.openqa.selenium.By.id("console-language")).click();
            browser.waiter().until(d -> d.findElement(org.openqa.selenium.By.tagName("h1")).getText().equals("Dashboard"));
        }
        assertThat(english).as("English words left on console pages read in Welsh").isEmpty();
    }

    /** The page's text as read (and as a screen reader says it: labels and placeholders), leaving out parts marked lang="en". */
    private static final String VISIBLE_TEXT = """
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const el = walker.currentNode.parentElement;
              if (!el || el.closest('body [lang="en"], script, style, template, textarea, code')) continue;
              if (el.checkVisibility && !el.checkVisibility() && el.tagName !== 'OPTION') continue;
              out.push(walker.currentNode.textContent);
            }
            document.querySelectorAll('[aria-label], [placeholder], [title]').forEach(el => {
              if (el.closest('body [lang="en"]')) return;
              ['aria-label', 'placeholder', 'title'].forEach(a => { if (el.getAttribute(a)) out.push(el.getAttribute(a)); });
            });
            return out.join(' ');
            """;
}
