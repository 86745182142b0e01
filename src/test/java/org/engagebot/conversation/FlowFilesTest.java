package org.engagebot.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guard: the shipped flows load and are bilingual; a broken flow file is refused with file, line and reason. */
class FlowFilesTest {
    private static final Path SHIPPED = Path.of("conversations");
    private static final String HEAD = """
            id: broken
            title: {en: "Broken", cy: "Wedi torri"}
            action: save
            steps:
            """;

    @TempDir
    Path dir;

    @Test
    void everyShippedFlowLoadsWithSchemaAndReferencesChecked() throws IOException {
        List<FlowDefinition> flows = new FlowLoader().load(SHIPPED);
        try (Stream<Path> files = Files.list(SHIPPED)) {
            assertThat(flows).hasSize((int) files.filter(p -> p.toString().endsWith(".yaml")).count()).isNotEmpty();
        }
        assertThat(flows).extracting(FlowDefinition::id).contains("register");
    }

    @Test
    void everyTextInEveryShippedFlowHasEnglishAndWelsh() {
        for (FlowDefinition flow : new FlowLoader().load(SHIPPED)) {
            for (Text text : texts(flow)) {
                assertThat(text.en()).as(flow.source() + ": English of " + text).isNotBlank();
                assertThat(text.cy()).as(flow.source() + ": Welsh of " + text).isNotBlank();
            }
        }
    }

    @Test
    void everyShippedFlowCanBeStartedAndReachesItsAction() {
        for (FlowDefinition flow : new FlowLoader().load(SHIPPED)) {
            assertThat(flow.steps()).as(flow.source()).isNotEmpty();
            assertThat(flow.action()).as(flow.source()).isNotBlank();
            assertThat(flow.commands().isEmpty() && flow.keywords().isEmpty() && flow.menu())
                    .as(flow.source() + " is on the menu but has no command").isFalse();
        }
    }

    @Test
    void textWithoutWelshNamesFileAndLine() {
        assertFails("missing-cy", HEAD + """
                  - id: name
                    type: text
                    label: {en: "Name", cy: "Enw"}
                    prompt: {en: "Name?"}
                """, 8, "cy");
    }

    @Test
    void blockTextWithoutWelshNamesTheLineOfItsKey() {
        assertFails("missing-cy-block", HEAD + """
                  - id: name
                    type: text
                    label: {en: "Name", cy: "Enw"}
                    prompt:
                      en: "Name?"
                """, 8, "cy");
    }

    @Test
    void unknownStepTypeNamesFileAndLine() {
        assertFails("unknown-type", HEAD + """
                  - id: name
                    type: txt
                    label: {en: "Name", cy: "Enw"}
                    prompt: {en: "Name?", cy: "Enw?"}
                """, 6, "type");
    }

    @Test
    void conditionOnALaterStepNamesFileAndLine() {
        assertFails("later-condition", HEAD + """
                  - id: venue
                    type: text
                    label: {en: "Venue", cy: "Lleoliad"}
                    prompt: {en: "Venue?", cy: "Lleoliad?"}
                    when: {step: kind, any-of: [event]}
                  - id: kind
                    type: choice
                    label: {en: "Kind", cy: "Math"}
                    prompt: {en: "Kind?", cy: "Math?"}
                    options:
                      - {value: talk, en: Talk, cy: Sgwrs}
                      - {value: event, en: Event, cy: Digwyddiad}
                """, 9, "condition refers to 'kind', which is not an earlier step");
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        assertFails("syntax", HEAD + """
                  - id: name
                    type: text
                    label: {en: "Name", cy: "Enw"}
                    prompt: {en: Name: what is it?, cy: "Enw?"}
                """, 8, "not valid YAML");
    }

    @Test
    void duplicateStepIdNamesFileAndLine() {
        assertFails("duplicate", HEAD + """
                  - id: name
                    type: text
                    label: {en: "Name", cy: "Enw"}
                    prompt: {en: "Name?", cy: "Enw?"}
                  - id: name
                    type: email
                    label: {en: "Email", cy: "E-bost"}
                    prompt: {en: "Email?", cy: "E-bost?"}
                """, 9, "duplicate step id 'name'");
    }

    @Test
    void unknownOptionListNamesFileAndLine() {
        assertFails("no-list", HEAD + """
                  - id: area
                    type: choice
                    options-from: regions
                    label: {en: "Area", cy: "Ardal"}
                    prompt: {en: "Area?", cy: "Ardal?"}
                """, 7, "no list conversations/lists/regions.yaml");
    }

    private void assertFails(String name, String yaml, int line, String reason) {
        try {
            Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> new FlowLoader().load(dir))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageStartingWith("conversations/" + name + ".yaml:" + line + ": ")
                .hasMessageContaining(reason);
    }

    private static List<Text> texts(FlowDefinition flow) {
        List<Text> texts = new ArrayList<>(List.of(flow.title()));
        texts.add(flow.intro());
        for (Step step : flow.steps()) {
            texts.addAll(List.of(step.prompt(), step.label()));
            texts.add(step.hint());
            if (step.type() instanceof StepType.SingleChoice c) {
                c.options().forEach(o -> texts.add(o.label()));
            } else if (step.type() instanceof StepType.MultiChoice m) {
                m.options().forEach(o -> texts.add(o.label()));
            }
        }
        return texts.stream().filter(Objects::nonNull).toList();
    }
}
