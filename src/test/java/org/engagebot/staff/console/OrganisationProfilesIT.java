package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office worker keeps organisation profiles in headless Chromium: adds one (a refused form keeps what was typed
 * and names each field), edits it, adds a note and a second contact person, makes them primary, then merges a
 * duplicate record that holds a visit application and a message, after seeing both side by side. The history and
 * the audit log show each change. axe-core checks each page; screenshots go to target/screenshots.
 */
class OrganisationProfilesIT {
    private static TestService service;
    private static ConsoleBrowser browser;
    private static final List<String> axeViolations = new ArrayList<>();

    @BeforeAll
    static void start() {
        service = TestService.start();
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

    @org.junit.jupiter.api.BeforeEach
    void freshChecks() {
        axeViolations.clear();
    }

    @Test
    void staffAddEditAnnotateAndMergeAnOrganisation() {
        long duplicate = duplicateWithAVisitAndAMessage();

        browser.open("/console/contacts");
        browser.driver.findElement(By.id("add-organisation")).click();
        browser.waitFor(By.id("profile-form"));
        type("website", "www.gwyneddyouth.example");
        type("email", "not-an-email");
        type("phone", "12");
        click("sector_youth");
        click("area_gwynedd");
        new Select(browser.driver.findElement(By.id("type"))).selectByVisibleText("Charity");
        browser.driver.findElement(By.id("save-profile")).click();

        WebElement summary = browser.waitFor(By.id("error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter the organisation's name",
                "Enter an email address in the correct format", "Enter a telephone number");
        assertThat(value("email")).isEqualTo("not-an-email");
        assertThat(value("website")).isEqualTo("www.gwyneddyouth.example");
        assertThat(browser.driver.findElement(By.id("sector_youth")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("area_gwynedd")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(browser.driver.findElement(By.id("type"))).getFirstSelectedOption().getText()).isEqualTo("Charity");
        summary.findElement(By.linkText("Enter the organisation's name")).click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("organisation");
        axe("profile-form-errors");

        type("organisation", "Gwynedd Youth Project");
        type("email", "Hello@GwyneddYouth.example");
        type("phone", "01248 600 600");
        type("name", "Siân Owen");
        type("role", "Coordinator");
        click("sector_victim-support");
        browser.submit(By.id("save-profile"), By.id("done"));
        assertThat(browser.text(By.id("done"))).isEqualTo("Organisation added.");
        assertThat(browser.text(By.id("sectors"))).isEqualTo("Victim, witness and family support, Children and young people");
        assertThat(browser.text(By.id("type"))).isEqualTo("Charity");
        assertThat(browser.text(By.id("areas"))).isEqualTo("Gwynedd");
        assertThat(browser.text(By.id("source"))).isEqualTo("Entered by staff");
        assertThat(browser.text(By.id("people-list"))).contains("Siân Owen", "Coordinator", "hello@gwyneddyouth.example",
                "+441248600600", "Primary contact");
        String profileUrl = browser.driver.getCurrentUrl().replaceAll("\\?.*", "");
        long id = Long.parseLong(profileUrl.substring(profileUrl.lastIndexOf('/') + 1));

        browser.driver.findElement(By.id("edit-profile")).click();
        assertThat(value("organisation")).isEqualTo("Gwynedd Youth Project");
        type("description", "Youth clubs and mentoring in Bangor and Caernarfon.");
        type("cvc", "Mantell Gwynedd");
        new Select(browser.driver.findElement(By.id("source"))).selectByVisibleText("Shared by a CVC");
        browser.submit(By.id("save-profile"), By.id("done"));
        assertThat(browser.text(By.id("cvc"))).isEqualTo("Mantell Gwynedd");
        assertThat(browser.text(By.id("changes"))).contains("what it does", "source", "CVC");

        browser.driver.findElement(By.id("add-note")).click();
        assertThat(browser.waitFor(By.id("error-summary")).getText()).contains("Enter the note");
        type("note", "Met at the Bangor forum; keen on the youth panel.");
        browser.submit(By.id("add-note"), By.id("done"));
        assertThat(browser.text(By.id("notes-list"))).contains("Met at the Bangor forum", "admin");

        browser.driver.findElement(By.cssSelector("#people + details summary, details summary")).click();
        type("person_name", "Dewi Jones");
        type("person_email", "dewi@gwyneddyouth.example");
        browser.submit(By.id("add-person"), By.id("done"));
        assertThat(browser.text(By.id("people-list"))).contains("Dewi Jones");
        browser.submit(By.cssSelector("button[id^='primary-']"), By.id("done"));
        assertThat(browser.text(By.id("people-list")).indexOf("Dewi Jones"))
                .isLessThan(browser.text(By.id("people-list")).indexOf("Siân Owen"));
        axe("profile");
        browser.shot("organisation-profile");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 900));
        axe("profile-320px");
        browser.shot("organisation-profile-320px");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        browser.driver.findElement(By.id("merge-profile")).click();
        type("q", "youth");
        browser.driver.findElement(By.id("find-other")).click();
        browser.waitFor(By.id("candidates")).findElement(By.partialLinkText("GWYNEDD YOUTH PROJECT LTD")).click();
        WebElement compare = browser.waitFor(By.id("compare"));
        assertThat(compare.getText()).contains("Gwynedd Youth Project", "GWYNEDD YOUTH PROJECT LTD",
                "Visit applications 0 1", "Messages raised 0 1");
        axe("merge-compare");
        browser.shot("organisation-merge");
        browser.submit(By.id("confirm-merge"), By.id("done"));
        assertThat(browser.text(By.id("done"))).startsWith("Records merged");
        assertThat(browser.text(By.id("records-visits"))).contains("VIS-2026-0042");
        assertThat(browser.text(By.id("records-enquiries"))).contains("Can the Commissioner visit our youth panel?");
        assertThat(browser.text(By.id("people-list"))).contains("Rhys Evans", "office@gyp.example");
        assertThat(browser.text(By.id("areas"))).isEqualTo("Anglesey, Gwynedd");
        assertThat(browser.text(By.id("changes"))).contains("merged", "record " + duplicate);
        assertThat(browser.text(By.id("consents"))).contains("contact");
        assertThat(service.get("/console/contacts/" + duplicate).statusCode()).isNotEqualTo(200);

        browser.open("/console/contacts/" + duplicate);
        assertThat(browser.text(By.id("main"))).contains("Not found", "no longer exists (it may have been merged or erased)");
        browser.open("/console/audit");
        assertThat(browser.text(By.id("audit"))).contains("contact.create", "contact.edit", "contact.note",
                "contact.person.add", "contact.person.primary", "contact.merge");
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM visit_application WHERE contact_id = ?", id))
                .isEqualTo(1);
        assertThat(axeViolations).as("axe-core on the profile pages").isEmpty();
    }

    @Test
    void anImportShowsTheDuplicatesItWouldCreateBeforeStaffConfirm() {
        assertThat(service.post("/api/contacts/import", "text/csv", "organisation,email,phone\n"
                + "Bangor Food Bank,info@bangorfood.example,01248 111 222\n").body()).contains("\"imported\":1");

        browser.open("/console/contacts/import");
        type("csv", "organisation,name,email,phone,area,sector,type,cvc,contact2_name,contact2_role,contact2_email\n"
                + "bangor food-bank,Ann,ann@foodbank2.example,,gwynedd,,,,,,\n"
                + "Llandudno Lifeboat Friends,Bob,bob@lifeboat.example,01248111222,conwy,,,,,,\n"
                + "Conwy Recovery Café,Carys,carys@recovery.example,01492 333 444,conwy;denbighshire,"
                + "substance misuse;Mental health,CIC,CVSC,Dai Lewis,Treasurer,dai@recovery.example\n"
                + "Recovery Cafe North,Dilys,dilys@recovery2.example,01492333444,conwy,,,,,,\n");
        browser.driver.findElement(By.id("preview-import")).click();
        WebElement duplicates = browser.waitFor(By.id("preview-duplicates"));
        assertThat(duplicates.getText()).contains("3 rows look like an organisation already held",
                "Line 2 (ann@foodbank2.example): same organisation name as Bangor Food Bank <info@bangorfood.example>",
                "Line 3 (bob@lifeboat.example): same phone number as Bangor Food Bank",
                "Line 5 (dilys@recovery2.example): same phone number as line 4");
        assertThat(browser.text(By.id("preview-add"))).contains("second contact Dai Lewis dai@recovery.example");
        axe("import-preview");
        browser.shot("import-duplicates");
        browser.driver.findElement(By.id("confirm-import")).click();
        assertThat(browser.waitFor(By.id("import-result")).getText()).contains("4 added, 0 updated, 0 rejected");

        browser.open("/console/contacts?sector=substance-misuse");
        assertThat(browser.text(By.tagName("tbody"))).contains("Conwy Recovery Café", "Mental health, Substance misuse")
                .doesNotContain("Recovery Cafe North");
        browser.open("/console/contacts?q=CVSC");
        browser.driver.findElement(By.linkText("Conwy Recovery Café")).click();
        browser.waitFor(By.id("details"));
        assertThat(browser.text(By.id("sectors"))).isEqualTo("Mental health, Substance misuse");
        assertThat(browser.text(By.id("type"))).isEqualTo("Community interest company (CIC)");
        assertThat(browser.text(By.id("areas"))).isEqualTo("Conwy, Denbighshire");
        assertThat(browser.text(By.id("source"))).isEqualTo("Shared by a CVC");
        assertThat(browser.text(By.id("cvc"))).isEqualTo("CVSC");
        assertThat(browser.text(By.id("people-list"))).contains("Carys", "Dai Lewis", "Treasurer", "dai@recovery.example");
        assertThat(axeViolations).as("axe-core on the import preview").isEmpty();
    }

    /** A second record of the same organisation, registered by chat, with a visit application and a message. */
    private static long duplicateWithAVisitAndAMessage() {
        Db db = service.bean(Db.class);
        Instant now = Instant.parse("2026-10-01T09:00:00Z");
        return service.bean(Transactions.class).write(() -> {
            long c = db.insert("INSERT INTO contact (organisation, name, email, area, language, subscribed, source, "
                    + "created_at, updated_at) VALUES ('GWYNEDD YOUTH PROJECT LTD', 'Rhys Evans', 'office@gyp.example', "
                    + "'anglesey', 'cy', 1, 'chat', ?, ?)", now, now);
            db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                    + "VALUES (?, 'contact', 1, 'v1', 'telegram', ?)", c, now);
            db.insert("INSERT INTO visit_application (reference, ref_year, ref_seq, contact_id, channel, language, "
                    + "organisation, contact_name, email, answers, answers_hash, status, submitted_at, updated_at) "
                    + "VALUES ('VIS-2026-0042', 2026, 42, ?, 'telegram', 'cy', 'GYP', 'Rhys Evans', 'office@gyp.example', "
                    + "'{}', 'h', 'RECEIVED', ?, ?)", c, now, now);
            db.insert("INSERT INTO enquiry (contact_id, channel, language, text, status, created_at, updated_at) "
                    + "VALUES (?, 'telegram', 'cy', 'Can the Commissioner visit our youth panel?', 'open', ?, ?)", c, now, now);
            return c;
        });
    }

    private static void axe(String page) {
        if (java.nio.file.Files.exists(org.engagebot.testing.web.Axe.SCRIPT)) {
            org.engagebot.testing.web.Axe.violations(browser.driver).forEach(v -> axeViolations.add(page + ": " + v));
        }
    }

    private static void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    private static String value(String id) {
        return browser.driver.findElement(By.id(id)).getAttribute("value");
    }
}
