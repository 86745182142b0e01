package org.engagebot.staff.console;

import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.engagebot.visits.VisitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium (Debian's chromium + chromium-driver): sign in, import a CSV with a
 * preview, send a newsletter that reaches the fake Telegram Bot API, decide a visit application, read a
 * consultation's chart. Screenshots of the pages go to target/screenshots. The browser's console log must show no
 * Content-Security-Policy refusal on the way, and must show one for a script injected into a page.
 */
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final TelegramHarness bot = TelegramHarness.create();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2)).pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffRunTheOfficeFromTheConsole() throws Exception {
        open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestService.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("registrations"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        importContacts();
        sendNewsletter();
        decideVisit();
        readConsultationChart();

        open("/console");
        shot("dashboard");
        open("/console/report");
        shot("report");
        open("/console/audit");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("contact.import", "newsletter.send", "visit.decision");
        shot("audit");
        open("/public/newsletters");
        assertThat(cspRefusals()).isEmpty();

        assertTheBrowserRefusesAnInjectedInlineScript();
    }

    private void assertTheBrowserRefusesAnInjectedInlineScript() {
        open("/console");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + "document.body.appendChild(s);");
        assertThat(js.executeScript("return window.injected === true")).isEqualTo(false);
        assertThat(cspRefusals()).isNotEmpty();
    }

    private static List<String> cspRefusals() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    private void importContacts() throws IOException {
        open("/console/contacts/import");
        String csv = "email,organisation,area,language,telegram,subscribed\n"
                + "ty@example.org,\"Tŷ Croeso, Bangor\",Gwynedd,cy,9001,ie\n"
                + "broken-address,Nobody,,,,\n";
        ((JavascriptExecutor) browser).executeScript("document.getElementById('csv').value = arguments[0]", csv);
        browser.findElement(By.id("preview-import")).click();
        assertThat(waitFor(By.id("preview-add")).getText()).contains("ty@example.org");
        assertThat(browser.findElement(By.id("preview-rejected")).getText()).contains("Line 3", "not a valid address");
        shot("import-preview");
        browser.findElement(By.id("confirm-import")).click();
        assertThat(waitFor(By.id("import-result")).getText()).contains("1 added, 0 updated, 1 rejected");
        open("/console/contacts?area=gwynedd");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Tŷ Croeso, Bangor");
        shot("contacts");
    }

    private void sendNewsletter() throws IOException {
        open("/console/newsletters/new");
        browser.findElement(By.id("title_en")).sendKeys("Spring news");
        browser.findElement(By.id("title_cy")).sendKeys("Newyddion y gwanwyn");
        browser.findElement(By.id("body_en")).sendKeys("Grants are **open**.");
        browser.findElement(By.id("body_cy")).sendKeys("Mae grantiau **ar agor**.");
        waiter().until(d -> d.findElement(By.id("audience-count")).getText().contains("1 contacts"));
        browser.switchTo().frame("preview-telegram-cy");
        waiter().until(d -> d.findElements(By.tagName("b")).stream().anyMatch(b -> b.getText().equals("ar agor")));
        browser.switchTo().defaultContent();
        shot("compose");
        browser.findElement(By.id("send-now")).click();
        assertThat(waitFor(By.id("confirm-audience")).getText()).contains("By email", "In Welsh");
        assertThat(browser.findElements(By.id("telegram-off"))).as("Telegram is set up in this test").isEmpty();
        assertThat(bot.sentTo(9001)).as("nothing goes before the confirm").noneMatch(m -> m.text().contains("Newyddion y gwanwyn"));
        shot("newsletter-confirm");
        browser.findElement(By.id("confirm-send")).click();
        waitFor(By.id("newsletter-status"));
        SentMessage message = bot.awaitMessage(9001, m -> m.text().contains("Newyddion y gwanwyn"));
        assertThat(message.text()).contains("Mae grantiau");
        waiter().until(d -> d.findElement(By.id("sent-count")).getText().equals("2")
                || bot.bean(Db.class).count("SELECT count(*) FROM outbox WHERE batch_type = 'newsletter' AND status = 'SENT'") >= 1);
        shot("newsletter-progress");
    }

    private void decideVisit() throws IOException {
        Participant p = bot.bean(Participants.class).identify("console", "visit-applicant", null);
        VisitService visits = bot.bean(VisitService.class);
        long id = bot.bean(Transactions.class).write(() -> visits.submit(p, Map.of("organisation", "Llan Youth Club",
                "contact_name", "Dewi", "email", "dewi@example.org", "area", "conwy", "purpose", "Meet the young people",
                "publicity", "yes")).application().id());
        open("/console/visits?status=received");
        browser.findElement(By.linkText(visits.find(id).orElseThrow().reference())).click();
        new Select(waitFor(By.id("decision-status"))).selectByValue("shortlisted");
        browser.findElement(By.id("decide")).click();
        waiter().until(d -> d.findElement(By.id("visit-status")).getText().equals("shortlisted"));
        new Select(browser.findElement(By.id("decision-status"))).selectByValue("scheduled");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('decision-date').value = '2027-03-15';"
                + "document.getElementById('decision-time').value = '10:30';");
        browser.findElement(By.id("decision-place")).sendKeys("Llandudno community hall");
        browser.findElement(By.id("decide")).click();
        waiter().until(d -> d.findElement(By.id("visit-status")).getText().equals("scheduled"));
        assertThat(browser.findElement(By.id("visit-history")).getText()).contains("shortlisted → scheduled");
        shot("visit");
    }

    private void readConsultationChart() throws IOException {
        ConsultationDesk desk = bot.bean(ConsultationDesk.class);
        long id = desk.create("{\"title\": {\"en\": \"Safer streets\", \"cy\": \"Strydoedd mwy diogel\"}, \"summary\": "
                + "{\"en\": \"Tell us\", \"cy\": \"Dywedwch\"}, \"questions\": [{\"type\": \"choice\", \"text\": {\"en\": "
                + "\"Do you feel safe?\", \"cy\": \"Ydych chi'n teimlo'n ddiogel?\"}, \"options\": [{\"en\": \"Yes\", \"cy\": "
                + "\"Ydw\"}, {\"en\": \"No\", \"cy\": \"Nac ydw\"}]}]}", "admin").id();
        desk.publish(id, "admin");
        Db db = bot.bean(Db.class);
        for (String answer : new String[]{"1", "1", "2"}) {
            db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, channel, address, answers, version, "
                            + "received_at, text) VALUES (?, ?, 'telegram', ?, ?, 1, ?, 'ok')", id, "participant:" + answer + Math.random(),
                    "chat", "{\"q1\": \"" + answer + "\"}", Instant.now());
        }
        Consultation c = desk.find(id).orElseThrow();
        open("/console/consultations");
        browser.findElement(By.linkText(c.reference())).click();
        var counts = waitFor(By.cssSelector(".chart")).findElements(By.className("option-count"));
        assertThat(counts).extracting(WebElement::getText).containsExactly("2", "1");
        shot("consultation");
    }

    private static void open(String path) {
        browser.get(bot.url(path).toString());
    }

    private static org.openqa.selenium.support.ui.FluentWait<WebDriver> waiter() {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static WebElement waitFor(By by) {
        return waiter().until(d -> d.findElement(by));
    }

    private static void shot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
