package org.engagebot.staff.console;

import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.events.EventService;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office worker narrows who hears of a consultation, an event and a newsletter by remit or sector, in headless
 * Chromium: the ticks survive a refused form, the consultation's check page counts only the organisations in those
 * sectors, and the event and newsletter keep the sectors for when they go out.
 */
class AudienceTicksIT {
    private static TestService service;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        service = TestService.start();
        service.post("/api/contacts/import", "text/csv", "email,organisation,area,language,subscribed,sector\n"
                + "youth@example.org,Gwynedd Youth,gwynedd,cy,yes,youth\n"
                + "road@example.org,Safer Roads,conwy,en,yes,road-safety\n"
                + "both@example.org,Young Drivers,conwy,en,yes,youth;road-safety\n");
        browser = new ConsoleBrowser(service);
        browser.signInAsAdmin();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        service.close();
    }

    @Test
    void aConsultationForYouthOrganisationsKeepsItsTicksThroughAnErrorAndCountsOnlyThem() {
        browser.open("/console/consultations");
        type("title_en", "Youth diversion");
        type("title_cy", "Dargyfeirio ieuenctid");
        type("summary_en", "What works for young people?");
        type("summary_cy", "Beth sy'n gweithio i bobl ifanc?");
        type("questions", "text | What works? | Beth sy'n gweithio?");
        tick("sector_youth");
        tick("ch_email");
        set("closes", LocalDate.now().plusWeeks(4).toString());
        browser.driver.findElement(By.id("create-consultation")).click();

        browser.waitFor(By.id("error"));
        assertThat(browser.text(By.id("error"))).contains("reason for the shorter window");
        assertThat(browser.driver.findElement(By.id("sector_youth")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("ch_email")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("sector_road-safety")).isSelected()).isFalse();
        browser.checkAccessible("consultation-audience-error");

        type("shortReason_en", "The panel meets in spring");
        type("shortReason_cy", "Mae'r panel yn cwrdd yn y gwanwyn");
        browser.driver.findElement(By.id("create-consultation")).click();
        browser.waiter().until(d -> d.getCurrentUrl().matches(".*/console/consultations/\\d+$"));
        Consultation c = service.bean(ConsultationDesk.class).all().stream()
                .filter(x -> x.title().en().equals("Youth diversion")).findFirst().orElseThrow();
        assertThat(c.audience().sectors()).containsExactly("youth");
        assertThat(c.audience().channels()).containsExactly("email");

        browser.open("/console/consultations/" + c.id() + "/confirm");
        assertThat(browser.text(By.id("confirm-audience")).replaceAll("\\s+", " "))
                .as("Gwynedd Youth and Young Drivers; not Safer Roads").contains("to 2 contacts");
        browser.shot("consultation-confirm-sectors");
    }

    @Test
    void anEventAndANewsletterKeepTheSectorsTicked() {
        browser.open("/console/events");
        type("title_en", "Road safety forum");
        type("title_cy", "Fforwm diogelwch ar y ffyrdd");
        type("description_en", "Young drivers and the police");
        type("description_cy", "Gyrwyr ifanc a'r heddlu");
        set("startsAt", LocalDate.now().plusMonths(2) + "T10:30");
        type("place", "Venue Cymru");
        tick("sector_road-safety");
        tick("area_conwy");
        browser.driver.findElement(By.id("create-event")).click();
        browser.waiter().until(d -> d.getCurrentUrl().matches(".*/console/events/\\d+$") || !d.findElements(By.id("error")).isEmpty());
        assertThat(browser.driver.findElements(By.id("error")).stream().map(WebElement::getText).toList()).as("no error on creating the event").isEmpty();
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
        var event = service.bean(EventService.class).find(id).orElseThrow();
        assertThat(event.audience().sectors()).containsExactly("road-safety");
        assertThat(event.audience().areas()).containsExactly("conwy");

        browser.open("/console/newsletters/new");
        tick("sector_youth");
        browser.driver.findElement(By.cssSelector("button[value='draft']")).click();
        browser.waitFor(By.id("error"));
        assertThat(browser.driver.findElement(By.id("sector_youth")).isSelected())
                .as("a refused newsletter keeps its ticks").isTrue();
        type("title_en", "Youth news");
        type("title_cy", "Newyddion ieuenctid");
        type("body_en", "Grants for youth clubs");
        type("body_cy", "Grantiau i glybiau ieuenctid");
        browser.driver.findElement(By.cssSelector("button[value='draft']")).click();
        browser.waiter().until(d -> !d.getCurrentUrl().endsWith("/console/newsletters") && !d.getCurrentUrl().endsWith("/new"));
        List<String> sectors = service.bean(org.engagebot.platform.Db.class).query(
                "SELECT audience FROM newsletter WHERE title_en = 'Youth news'", rs -> rs.getString(1));
        assertThat(sectors).singleElement().asString().contains("youth");
    }

    private static void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time inputs take what Chromium's locale shows; the value itself is what a person's picking sets. */
    private static void set(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.driver.findElement(By.id(id)), value);
    }

    private static void tick(String id) {
        browser.driver.findElement(By.id(id)).click();
    }
}
