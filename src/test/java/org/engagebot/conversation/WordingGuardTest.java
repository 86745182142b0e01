package org.engagebot.conversation;

import org.engagebot.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards on what participants read, over every shipped flow and message bundle: hint examples pass their own
 * step's validator, Welsh text advertises commands in their Welsh form, the office has one name, and no wording
 * version or placeholder shows.
 */
class WordingGuardTest {
    private static final Pattern PHONE_EXAMPLE = Pattern.compile("\\+?\\d[\\d ]{8,}\\d");
    private static final Pattern EMAIL_EXAMPLE = Pattern.compile("[\\w.]+@[\\w.]+\\.\\w+");
    private static final Pattern ENGLISH_COMMAND = Pattern.compile(
            "/(register|visit|consultations|subscribe|unsubscribe|mydata|forget|language|cancel|back|help|message|continue)\\b");
    private static final List<String> OLD_OFFICE_NAMES = List.of("Comisiynydd yr Heddlu a Throseddu",
            "Heddlu a Throseddu", "Police and Crime Commissioner for North Wales", "Police and Crime Commissioner's office",
            "Office of the Police and Crime Commissioner");

    private final Messages messages = new Messages(List.of());
    private final AnswerValidator validator = new AnswerValidator(messages,
            new SettableClock(Instant.parse("2027-03-10T09:00:00Z")), new ChoiceReader(messages));
    private final List<FlowDefinition> flows = new FlowLoader().load(Path.of("conversations"));

    @Test
    void everyPhoneAndEmailExampleInAHintPassesItsStepsValidator() {
        int examples = 0;
        for (FlowDefinition flow : flows) {
            for (Step step : flow.steps()) {
                if (step.hint() == null) {
                    continue;
                }
                Pattern example = step.type() instanceof StepType.Phone ? PHONE_EXAMPLE
                        : step.type() instanceof StepType.Email ? EMAIL_EXAMPLE : null;
                for (String text : List.of(step.hint().en(), step.hint().cy())) {
                    Matcher m = example == null ? null : example.matcher(text);
                    while (m != null && m.find()) {
                        examples++;
                        assertThat(validator.validate(step.type(), m.group()))
                                .as(flow.source() + " " + step.id() + ": hint example " + m.group())
                                .isInstanceOf(Validation.Valid.class);
                    }
                }
            }
        }
        assertThat(examples).as("examples checked").isGreaterThanOrEqualTo(6);
    }

    @Test
    void welshTextNamesCommandsInWelsh() throws IOException {
        for (Text text : everyText()) {
            assertThat(ENGLISH_COMMAND.matcher(text.cy()).find()).as("Welsh text with an English command: " + text.cy())
                    .isFalse();
        }
    }

    @Test
    void theOfficeHasOneNameAndNoPlaceholderOrWordingVersionShows() throws IOException {
        for (Text text : everyText()) {
            for (String old : OLD_OFFICE_NAMES) {
                assertThat(text.en() + " " + text.cy()).as("old name of the office").doesNotContain(old);
            }
            assertThat(text.en() + text.cy()).doesNotContain("{office}").doesNotContainIgnoringCase("wording version")
                    .doesNotContain("Fersiwn geiriad");
        }
    }

    /** Every shipped flow text and every bundle text, with {office} filled in. */
    private List<Text> everyText() throws IOException {
        List<Text> all = new ArrayList<>();
        for (FlowDefinition flow : flows) {
            all.add(flow.title());
            if (flow.intro() != null) {
                all.add(flow.intro());
            }
            if (flow.fallback() != null) {
                all.add(flow.fallback());
            }
            for (Step s : flow.steps()) {
                all.add(s.prompt());
                all.add(s.label());
                if (s.hint() != null) {
                    all.add(s.hint());
                }
            }
        }
        Path i18n = Path.of("src/main/resources/i18n");
        try (Stream<Path> files = Files.list(i18n)) {
            for (Path en : files.filter(p -> p.toString().endsWith("_en.properties")).sorted().toList()) {
                Properties e = load(en);
                Properties c = load(en.resolveSibling(en.getFileName().toString().replace("_en.", "_cy.")));
                for (String key : e.stringPropertyNames()) {
                    all.add(OfficeName.defaults().apply(new Text(e.getProperty(key), c.getProperty(key, ""))));
                }
            }
        }
        return all;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
