package org.engagebot.testing.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core (installed by .ci/run into src/test/axe) run on the page a browser shows: WCAG 2.0–2.2 A/AA and
 * best-practice rules. Tests skip with a message where node/npm (and so axe-core) are not installed.
 */
public final class Axe {
    public static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");
    private static String script;

    private Axe() {
    }

    /** Skips the calling test class when axe-core cannot be had here; fails when npm is there but it was not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.exists(SCRIPT) || onPath("npm"),
                "SKIPPED: node/npm are not installed here, so axe-core is not either; .ci/run installs both");
        if (!Files.exists(SCRIPT)) {
            throw new AssertionError("axe-core: run `npm install --prefix src/test/axe` (.ci/run does)");
        }
    }

    /** The violations on the current page, each as "rule: help at selectors". */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        return (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', "
                + "'best-practice']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' "
                + "+ v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
    }

    private static synchronized String script() {
        if (script == null) {
            try {
                script = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
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
