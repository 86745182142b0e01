package org.engagebot.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Drift guards: both languages have every text; no log call in this package names a personal field. */
class PrivacyGuardTest {
    private static final Pattern PERSONAL_LOG = Pattern.compile(
            "LOG\\.[a-z]+\\([^;]*(email|phone|name\\(\\)|address|body|text\\(\\)|json|organisation)", Pattern.CASE_INSENSITIVE);

    @Test
    void welshAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("privacy_cy").stringPropertyNames()).isEqualTo(load("privacy_en").stringPropertyNames());
    }

    @Test
    void logCallsInThePrivacyPackageNameIdsAndCountsOnly() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/engagebot/privacy"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    assertThat(PERSONAL_LOG.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void erasedMarkersAreUniqueAndDoNotContainTheAddress() {
        String a = Eraser.marker("telegram", "5005");
        String b = Eraser.marker("telegram", "5005");
        assertThat(a).startsWith("erased:").hasSize(7 + 64).isNotEqualTo(b);
    }

    @Test
    void downloadTokensAreStoredOnlyAsTheirHash() {
        String token = "A".repeat(43);
        assertThat(ExportLinks.hash(token)).hasSize(64).doesNotContain(token);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = PrivacyGuardTest.class.getClassLoader().getResourceAsStream("i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
