package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office worker types in an Appendix B form that came on paper: every question of the visit flow, checked by its
 * rules (an empty form and a phone number that is not one are refused with the field marked and what was typed
 * kept); the case shows it was entered by staff from a paper form, and the applicant is told at the form's email
 * address in the language they chose.
 */
class PaperVisitIT {

    @Test
    void staffEnterAPaperFormOnTheApplicantsBehalfAndTheApplicantIsToldInWelsh() {
        try (TestService service = TestService.start(); ConsoleBrowser browser = new ConsoleBrowser(service)) {
            browser.signInAsAdmin();
            browser.open("/console/visits");
            browser.waitFor(By.id("enter-paper-link")).click();
            browser.waitFor(By.id("enter-paper")).click();
            assertThat(browser.waitFor(By.id("paper-errors")).getText()).contains("Organisation", "Email");
            assertThat(browser.driver.findElement(By.id("organisation")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.checkAccessible("visit-paper-refused");

            browser.driver.findElement(By.id("received-paper")).click();
            new Select(browser.driver.findElement(By.id("applicant_language"))).selectByValue("cy");
            Map<String, String> typed = Map.of("organisation", "Clwb Ieuenctid Llan", "contact_name", "Dewi Jones",
                    "address", "Neuadd y Pentref, Llanrwst LL26 0AB", "phone", "12345", "email", "dewi@example.org",
                    "purpose", "Clwb i bobl ifanc", "community_safety", "Lleihau ymddygiad gwrthgymdeithasol", "issues", "Goleuadau stryd ger y parc");
            typed.forEach((id, text) -> browser.driver.findElement(By.id(id)).sendKeys(text));
            new Select(browser.driver.findElement(By.id("area"))).selectByValue("conwy");
            new Select(browser.driver.findElement(By.id("publicity"))).selectByValue("yes");
            browser.driver.findElement(By.id("enter-paper")).click();
            browser.waiter().until(d -> !d.findElements(By.id("paper-errors")).isEmpty() || !d.findElements(By.id("visit-history")).isEmpty());
            assertThat(browser.driver.findElements(By.id("paper-errors"))).as(browser.text(By.tagName("main"))).isNotEmpty();
            assertThat(browser.text(By.id("paper-errors"))).doesNotContain("Organisation");
            assertThat(browser.driver.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("organisation")).getAttribute("value")).isEqualTo("Clwb Ieuenctid Llan");
            assertThat(new Select(browser.driver.findElement(By.id("area"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("conwy");

            browser.driver.findElement(By.id("phone")).clear();
            browser.driver.findElement(By.id("phone")).sendKeys("01492 640000");
            browser.driver.findElement(By.id("enter-paper")).click();
            browser.waiter().until(d -> !d.findElements(By.id("paper-errors")).isEmpty() || !d.findElements(By.id("visit-history")).isEmpty());
            assertThat(browser.driver.findElements(By.id("visit-history"))).as(browser.text(By.tagName("main"))).isNotEmpty();
            assertThat(browser.text(By.id("visit-history"))).contains("entered by staff from a paper form");
            assertThat(browser.text(By.id("visit-answers"))).contains("Clwb Ieuenctid Llan", "Neuadd y Pentref");
            browser.checkAccessible("visit-paper-entered");

            Db db = service.bean(Db.class);
            assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = 'email' AND address = 'dewi@example.org' "
                    + "AND payload LIKE '%ffurflen bapur%'")).as("told in Welsh at the form's address").isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM visit_application WHERE channel = 'email' AND lower(language) = 'cy'")).isEqualTo(1);
        }
    }
}
