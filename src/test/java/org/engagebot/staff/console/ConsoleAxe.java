package org.engagebot.staff.console;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core (WCAG 2.2 AA and best practice) on the console page the browser shows, as WebAccessibilityIT runs it on
 * the public forms. axe-core is installed by .ci/run (npm install --prefix src/test/axe).
 */
final class ConsoleAxe {
    static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

    private ConsoleAxe() {
    }

    static boolean installed() {
        return Files.exists(AXE);
    }

    /** The violations on the current page, one line each ("rule: help at selectors"). */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            js.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', "
                + "'wcag22aa', 'best-practice']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' "
                + "+ v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
    }
}
