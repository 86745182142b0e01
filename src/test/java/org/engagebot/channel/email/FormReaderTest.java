package org.engagebot.channel.email;

import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FormReaderTest {
    private static final FlowDefinition FLOW = new FlowDefinition("f", "f.yaml", Text.of("F", "F"), Text.of("i", "i"),
            List.of("f"), List.of("f"), true, true, "a", List.of(
            step("name", "Name", "Enw"), step("phone", "Phone", "Ffôn"), step("news", "Newsletter", "Cylchlythyr")));

    private static Step step(String id, String en, String cy) {
        return new Step(id, new StepType.FreeText(0, 100), Text.of(en + "?", cy + "?"), Text.of(en, cy), null, false, null, null);
    }

    private final FormReader reader = new FormReader(FLOW, Set.of("Name?", "Ateb: / Answer:"));

    @Test
    void readsNumberedAnswersAndIgnoresQuotedQuestions() {
        String body = "1. Acme\n> 2. Ffôn / Phone\n> Ateb: / Answer:\n01248 123456\n3. no\n\nJane";
        assertThat(reader.read(body)).containsEntry("name", "Acme").containsEntry("phone", "01248 123456")
                .containsEntry("news", "no\n\nJane");
    }

    @Test
    void keepsTheParagraphsOfALongAnswer() {
        String body = "1. We run a youth club.\nEvery Friday.\n\n\nWe also run summer sport.\n2. 01248 123456";
        assertThat(reader.read(body)).containsEntry("name", "We run a youth club.\nEvery Friday.\n\nWe also run summer sport.")
                .containsEntry("phone", "01248 123456");
    }

    @Test
    void readsAnswersWrittenAfterTheAnswerLineOfAPastedForm() {
        String body = "1. Enw / Name\n   Name?\nAteb: / Answer: Acme\n2. Phone: 07911 123456";
        assertThat(reader.read(body)).containsEntry("name", "Acme").containsEntry("phone", "07911 123456");
    }

    @Test
    void readsLabelledAnswers() {
        assertThat(reader.read("Phone: 01248 123456\nNewsletter: yes")).containsEntry("phone", "01248 123456")
                .containsEntry("news", "yes");
    }

    @Test
    void readsWelshLabelsWrittenWithoutTheirAccentsOrInCapitalsAndNumbersWithAColon() {
        assertThat(reader.read("Ffon: 01248 123456\nCYLCHLYTHYR: Hoffwn plis")).containsEntry("phone", "01248 123456")
                .containsEntry("news", "Hoffwn plis");
        assertThat(reader.read("1: Menter Iaith\n2: 07911 123456\n3: ydw")).containsEntry("name", "Menter Iaith")
                .containsEntry("phone", "07911 123456").containsEntry("news", "ydw");
        assertThat(reader.read("1. We open at\n10:30 on Fridays")).containsEntry("name", "We open at\n10:30 on Fridays");
    }

    @Test
    void trimmerKeepsTheLastShortAnswer() {
        String trimmed = new ReplyTrimmer().trim("1. Acme\n8. yes\n9. no\n\nJane\n\nOn Monday, Engagebot wrote:\n> 1. x");
        assertThat(trimmed).contains("9. no");
    }
}
