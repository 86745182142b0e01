package org.engagebot.staff.console;

import org.engagebot.testing.TestService;
import org.engagebot.testing.web.Axe;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** A headless Chromium (Debian's chromium + chromium-driver) driving one TestService's console, as staff would. */
final class ConsoleBrowser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    final WebDriver driver;
    private final TestService service;

    ConsoleBrowser(TestService service) {
        this.service = service;
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new ChromeDriver(options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2)).pageLoadTimeout(Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(service.url(path).toString());
    }

    void signInAsAdmin() {
        open("/console/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestService.ADMIN_PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        try {
            waitFor(By.id("registrations"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in did not reach the dashboard: at " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    FluentWait<WebDriver> waiter() {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    WebElement waitFor(By by) {
        return waiter().until(d -> d.findElement(by));
    }

    /** The element's text, read again if the page was replaced between finding it and reading it. */
    String text(By by) {
        return waiter().until(d -> d.findElement(by).getText());
    }

    /**
     * Clicks a button that posts its form and waits for the page that answers: the old page gone first, since the
     * new one and the old may both hold {@code expected} (a "done" banner), then {@code expected} on the new one.
     */
    WebElement submit(By button, By expected) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        waiter().until(ExpectedConditions.stalenessOf(old));
        return waitFor(expected);
    }

    void shot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core on the page as shown, then again at 320 px wide (WCAG reflow width); a screenshot of each goes to
     * target/screenshots/NAME.png and NAME-320.png. Fails on any violation.
     */
    void checkAccessible(String name) {
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(name)).isEmpty();
    }

    /** As {@link #checkAccessible}, answering each violation with the page and width instead of failing. */
    java.util.List<String> accessibilityProblems(String name) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        shot(name);
        Axe.violations(driver).forEach(v -> problems.add(name + " (" + driver.getCurrentUrl() + "): " + v));
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 320, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            shot(name + "-320");
            Axe.violations(driver).forEach(v -> problems.add(name + " at 320 px: " + v));
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
        CHECKED.add(name);
        return problems;
    }

    static final java.util.Set<String> CHECKED = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());

    @Override
    public void close() {
        driver.quit();
    }
}
