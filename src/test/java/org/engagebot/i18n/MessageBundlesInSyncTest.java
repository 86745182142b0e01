package org.engagebot.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Guard: every i18n/*_en.properties has a _cy twin with the same keys, no empty texts and the same placeholders. */
class MessageBundlesInSyncTest {
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    @Test
    void everyEnglishBundleHasAWelshTwinWithTheSameKeysNoEmptyTextsAndTheSamePlaceholders() throws IOException {
        List<Path> english = englishBundles();
        assertThat(english).as("bundles in " + I18N).isNotEmpty();
        for (Path en : english) {
            Path cy = en.resolveSibling(en.getFileName().toString().replace("_en.properties", "_cy.properties"));
            assertThat(cy).as("Welsh twin of " + en).exists();
            Properties enProps = load(en);
            Properties cyProps = load(cy);
            assertThat(cyProps.stringPropertyNames()).as("keys of " + cy + " against " + en)
                    .containsExactlyInAnyOrderElementsOf(enProps.stringPropertyNames());
            for (String key : enProps.stringPropertyNames()) {
                assertThat(enProps.getProperty(key)).as(en.getFileName() + ": " + key).isNotBlank();
                assertThat(cyProps.getProperty(key)).as(cy.getFileName() + ": " + key).isNotBlank();
                assertThat(placeholders(cyProps.getProperty(key))).as(cy.getFileName() + ": placeholders of " + key)
                        .isEqualTo(placeholders(enProps.getProperty(key)));
            }
        }
    }

    @Test
    void everyWelshBundleHasAnEnglishTwin() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            files.filter(p -> p.getFileName().toString().endsWith("_cy.properties")).forEach(cy ->
                    assertThat(cy.resolveSibling(cy.getFileName().toString().replace("_cy.", "_en.")))
                            .as("English twin of " + cy).exists());
        }
    }

    @Test
    void placeholdersAreCountedPerKind() {
        assertThat(placeholders("%s has %d of %d, 100%%")).isEqualTo("d=2 s=1");
        assertThat(placeholders("Mae gan %s %d o %d, 100%%")).isEqualTo(placeholders("%s has %d of %d, 100%%"));
        assertThat(placeholders("%1$s")).isEqualTo("s=1");
    }

    /** Placeholder kinds with their counts ("d=2 s=1"), ignoring order (Welsh word order differs); %% not counted. */
    static String placeholders(String text) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("%")) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_en.properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props;
    }
}
