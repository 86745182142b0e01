package org.engagebot.visits;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class VisitsBundleTest {
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?[sd]");

    @Test
    void welshAndEnglishHaveTheSameKeysAndPlaceholders() throws Exception {
        Properties en = load("i18n/visits_en.properties");
        Properties cy = load("i18n/visits_cy.properties");
        assertThat(cy.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(cy.getProperty(key)).as(key).isNotBlank();
            assertThat(specifiers(cy.getProperty(key))).as(key).isEqualTo(specifiers(en.getProperty(key)));
        }
    }

    private static String specifiers(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = SPECIFIER.matcher(text);
        while (m.find()) {
            out.append(m.group()).append(' ');
        }
        return out.toString();
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = VisitsBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
