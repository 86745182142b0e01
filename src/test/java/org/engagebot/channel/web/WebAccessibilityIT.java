package org.engagebot.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flow walked through the web pages in Debian's headless Chromium, in English and in Welsh, with a wrong answer
 * on the way; axe-core (installed by .ci/run into src/test/axe) runs on every page, error states included, and any
 * WCAG 2.2 A/AA violation or best-practice finding fails. Then the same pages at 320 px wide and at 200% zoom, and an
 * error fixed with the keyboard only. The stored results are read back through the staff API.
 */
class WebAccessibilityIT {
    private static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    private static WebDriver browser;
    private static String axe;
    private static final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.exists(AXE) || onPath("npm"),
                "SKIPPED: node/npm are not installed here, so axe-core is not either; .ci/run installs both");
        assertThat(AXE).as("axe-core: run `npm install --prefix src/test/axe` (.ci/run does)").exists();
        axe = Files.readString(AXE);
        service = TestService.start(Map.of("engagebot.web.min-page-time", "0s"));
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-web"));
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        System.out.println("axe-core checked " + checked.size() + " pages: " + String.join(", ", checked));
    }

    @Test
    void registerInWelshAndInEnglish() throws Exception {
        newSession();
        check("/forms", "list-cy");
        check("/forms?lang=en", "list-en");
        check("/forms/register", "choose-language");
        assertThat(browser.findElement(By.id("choose-cy")).getText()).isEqualTo("Cymraeg");
        press(browser.findElement(By.id("choose-cy")));
        register("cy", "Banc Bwyd Bangor", "gwybodaeth@bancbwyd.cymru");
        newSession();
        open("/forms/register?lang=en");
        register("en", "Bangor Food Bank", "info@bangorfood.org");
        check("/forms/embed?lang=en", "embed-en");
        check("/forms/embed?lang=cy", "embed-cy");
    }

    @Test
    void visitApplicationInEnglishAndInWelsh() throws Exception {
        newSession();
        open("/forms/visit-application?lang=en");
        visit("Llan Youth Club", "en");
        newSession();
        open("/forms/visit-application?lang=cy");
        visit("Clwb Ieuenctid Llan", "cy");
        String visits = service.get("/api/visits").body();
        assertThat(visits).contains("Llan Youth Club", "Clwb Ieuenctid Llan");
        // an old chat code email's link: the page (410) that says to type the code in the chat instead, both languages
        check("/public/identity/confirm/old-link-token", "identity-confirm-gone");
    }

    @Test
    void consultationInEnglishAndInWelshAtNarrowWidthAndDoubleZoomWithTheKeyboard() throws Exception {
        JsonNode created = JSON.readTree(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Safer streets\", "
                + "\"cy\": \"Strydoedd mwy diogel\"}, \"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch wrthym\"}, "
                + "\"questions\": [{\"type\": \"text\", \"text\": {\"en\": \"Which streets feel unsafe?\", \"cy\": "
                + "\"Pa strydoedd sy'n teimlo'n anniogel?\"}}, {\"type\": \"choice\", \"text\": {\"en\": \"Do you walk there after dark?\", "
                + "\"cy\": \"Ydych chi'n cerdded yno ar ôl iddi dywyllu?\"}, \"options\": [{\"en\": \"Often\", \"cy\": \"Yn aml\"}, "
                + "{\"en\": \"Never\", \"cy\": \"Byth\"}]}, {\"type\": \"multi\", \"text\": {\"en\": \"What would help?\", "
                + "\"cy\": \"Beth fyddai'n helpu?\"}, \"options\": [{\"en\": \"Lighting\", \"cy\": \"Goleuadau\"}, "
                + "{\"en\": \"Patrols\", \"cy\": \"Patrolau\"}]}]}").body());
        newSession();
        String id = created.get("id").asText();
        String reference = created.get("reference").asText();
        service.postJson("/api/consultations/" + id + "/publish", "");
        check("/public/consultations/" + id + "?lang=en", "consultation-public-en");
        press(browser.findElement(By.linkText("Respond online")));
        consultation("en", reference);
        newSession();
        open("/forms/" + reference + "?lang=cy");
        consultation("cy", reference);
        JsonNode responses = JSON.readTree(service.get("/api/consultations/" + id + "/responses").body());
        assertThat(responses).hasSize(2);

        newSession();
        for (int[] viewport : new int[][]{{320, 1}, {640, 2}}) {
            newSession();
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport[0],
                    "height", 900, "deviceScaleFactor", viewport[1], "mobile", false));
            open("/forms/" + reference + "?lang=cy");
            String name = viewport[0] == 320 ? "320px" : "zoom200";
            submitEmptyAndCheck(name + "-error");
            assertThat(horizontalOverflow()).as("horizontal scrolling at " + name).isZero();
            keyboardFixesTheError("Stryd y Bont");
        }
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void register(String lang, String organisation, String email) throws IOException {
        boolean cy = lang.equals("cy");
        checkHere("register-" + lang + "-organisation");
        type(organisation);
        type(cy ? "Siân Jones" : "Sian Jones");
        pickFirst();
        type("not an email");
        checkHere("register-" + lang + "-email-error");
        Text chatReason = service.bean(Messages.class).get("invalid.email");
        assertThat(errorSummary().getText()).contains(cy ? chatReason.cy() : chatReason.en());
        type(email);
        type("01248 123456");
        checkHere("register-" + lang + "-website");
        press(browser.findElement(By.cssSelector("button[name=action][value=skip]")));
        type(cy ? "Rydym yn bwydo teuluoedd." : "We feed families.");
        checkHere("register-" + lang + "-consent");
        pickFirst();
        pickFirst();
        checkHere("register-" + lang + "-check");
        press(browser.findElement(By.id("change-contact_name")));
        checkHere("register-" + lang + "-change");
        type(cy ? "Siân Wyn Jones" : "Sian Wyn Jones");
        press(browser.findElement(By.id("confirm")));
        checkHere("register-" + lang + "-code");
        type(AddressCodes.latestCode(service.bean(Db.class), email));
        checkHere("register-" + lang + "-done");
        assertThat(browser.findElement(By.id("confirmation")).isDisplayed()).isTrue();
        JsonNode contact = JSON.readTree(service.get("/api/contacts?email=" + email).body()).get(0);
        assertThat(contact.get("organisation").asText()).isEqualTo(organisation);
        assertThat(contact.get("name").asText()).contains("Wyn Jones");
        assertThat(contact.get("language").asText()).isEqualTo(lang);
    }

    private void visit(String organisation, String lang) throws IOException {
        checkHere("visit-" + lang + "-organisation");
        type(organisation);
        enterSends("Dewi Evans");
        checkHere("visit-" + lang + "-address");
        keyboardGoesBack("Dewi Evans");
        checkHere("visit-" + lang + "-back");
        type("Dewi Evans");
        type("1 Stryd Fawr, Llanrwst LL26 0AA");
        check("/forms/register", "visit-" + lang + "-switch");
        press(browser.findElement(By.id("carry-on")));
        pickFirst();
        type("12");
        checkHere("visit-" + lang + "-phone-error");
        type("01492 640000");
        type(lang + "-dewi@llanyouth.org");
        press(browser.findElement(By.cssSelector("button[name=action][value=skip]")));
        type("Youth work");
        type("Fewer young people drawn into crime");
        type("Funding");
        pickFirst();
        checkHere("visit-" + lang + "-check");
        press(browser.findElement(By.id("confirm")));
        checkHere("visit-" + lang + "-done");
        assertThat(browser.findElement(By.id("reference")).getText()).matches("VIS-\\d{4}-\\d+");
    }

    private void consultation(String lang, String reference) throws IOException {
        checkHere("consultation-" + lang + "-q1");
        type("");
        checkHere("consultation-" + lang + "-q1-error");
        type(lang.equals("cy") ? "Stryd y Bont" : "Bridge Street");
        checkHere("consultation-" + lang + "-q2");
        press(browser.findElement(By.id("continue")));
        checkHere("consultation-" + lang + "-q2-error");
        pickFirst();
        checkHere("consultation-" + lang + "-q3");
        browser.findElement(By.cssSelector("label[for=answer]")).click();
        browser.findElement(By.cssSelector("label[for=answer-2]")).click();
        press(browser.findElement(By.id("continue")));
        checkHere("consultation-" + lang + "-check");
        press(browser.findElement(By.id("confirm")));
        checkHere("consultation-" + lang + "-done");
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
    }

    private void submitEmptyAndCheck(String name) throws IOException {
        press(browser.findElement(By.id("continue")));
        checkHere(name);
        assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id")).isEqualTo("error-summary");
    }

    /** Tab to the error's link, follow it with Enter, type the answer and send it with Enter: focus always visible. */
    private void keyboardFixesTheError(String answer) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement link = browser.switchTo().activeElement();
        assertThat(link.getAttribute("href")).endsWith("#answer");
        assertThat(focusVisible(link)).as("focus indicator on the error link").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        WebElement field = browser.switchTo().activeElement();
        assertThat(field.getAttribute("id")).isEqualTo("answer");
        assertThat(focusVisible(field)).as("focus indicator on the field").isTrue();
        new Actions(browser).sendKeys(answer).sendKeys(Keys.TAB).perform();
        WebElement next = browser.switchTo().activeElement();
        assertThat(next.getAttribute("id")).isEqualTo("continue");
        assertThat(focusVisible(next)).as("focus indicator on Continue").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(next));
            assertThat(browser.findElements(By.cssSelector("input[type=radio]"))).isNotEmpty();
        } finally {
            shotQuietly("keyboard-after-enter");
        }
    }

    /** Enter in an answer field sends the page on: the form's first submit button is a hidden Continue, not Back. */
    private void enterSends(String answer) {
        WebElement field = browser.findElement(By.id("answer"));
        String heading = browser.findElement(By.tagName("h1")).getText();
        field.clear();
        field.sendKeys(answer, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(field));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("Enter continues").isNotEqualTo(heading);
    }

    /** Tab to Back (a button of the page's form), its focus visible, Enter: the previous question with its answer. */
    private void keyboardGoesBack(String previousAnswer) {
        WebElement back = browser.findElement(By.id("back"));
        for (int i = 0; i < 10 && !back.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("Back is reached with Tab").isEqualTo(back);
        assertThat(focusVisible(back)).as("focus indicator on Back").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(back));
        assertThat(browser.findElement(By.id("answer")).getAttribute("value")).isEqualTo(previousAnswer);
    }

    private boolean focusVisible(WebElement element) {
        Object visible = ((JavascriptExecutor) browser).executeScript("var s = getComputedStyle(arguments[0]);"
                + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)')"
                + " || s.backgroundColor === 'rgb(255, 221, 0)';", element);
        return Boolean.TRUE.equals(visible);
    }

    private long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
    }

    private WebElement errorSummary() {
        return browser.findElement(By.id("error-summary"));
    }

    private void type(String answer) {
        WebElement field = browser.findElement(By.id("answer"));
        field.clear();
        field.sendKeys(answer);
        press(browser.findElement(By.id("continue")));
    }

    private void pickFirst() {
        browser.findElement(By.cssSelector("label[for=answer]")).click();
        press(browser.findElement(By.id("continue")));
    }

    /** Clicks a button that sends the page and waits for the next page. */
    private void press(WebElement button) {
        button.click();
        // gone from the document: chromedriver says so as a stale element or, mid-navigation, as an inspector error
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private void shotQuietly(String name) {
        try {
            shot(name);
        } catch (IOException | RuntimeException e) {
            System.out.println("no screenshot " + name + ": " + e);
        }
    }

    private void newSession() {
        browser.manage().deleteAllCookies();
    }

    private void open(String path) {
        browser.get(service.url(path).toString());
    }

    private void check(String path, String name) throws IOException {
        open(path);
        checkHere(name);
    }

    /** Runs axe-core on the page and fails on any violation; keeps a screenshot. */
    @SuppressWarnings("unchecked")
    private void checkHere(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', "
                + "'best-practice']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' "
                + "+ v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        List<String> violations = (List<String>) result;
        shot(name);
        checked.add(name);
        assertThat(violations).as("axe-core on " + name + " (" + browser.getCurrentUrl() + ")").isEmpty();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isIn("cy", "en");
    }

    private void shot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots/web"));
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
