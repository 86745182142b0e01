package org.engagebot.consultations;

import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scale's own labels as participants see them (chat buttons, web radios, email list) and staff export them. */
class ScaleLabelsTest {
    private final ConsultationTexts texts = new ConsultationTexts(new Messages(List.of(new ConsultationsMessages())),
            "https://engage.example.org");
    private final Question labelled = new Question("q1", new Text("How safe?", "Pa mor ddiogel?"), "scale", List.of(),
            List.of(new Text("Very unsafe", "Anniogel iawn"), new Text("Fairly unsafe", "Eithaf anniogel"),
                    new Text("Neither", "Y naill na'r llall"), new Text("Fairly safe", "Eithaf diogel"),
                    new Text("Very safe", "Diogel iawn")));
    private final Question plain = new Question("q1", new Text("Lights?", "Goleuadau?"), "scale", List.of());

    @Test
    void optionsCarryThePointAndTheLabelInEachLanguage() {
        var options = texts.choiceOptions(labelled);
        assertThat(options).extracting(o -> o.value()).containsExactly("1", "2", "3", "4", "5");
        assertThat(options.get(4).label()).isEqualTo(new Text("5 - Very safe", "5 - Diogel iawn"));
        assertThat(texts.choiceOptions(plain).get(3).label().en()).isEqualTo("4 - Agree");
    }

    @Test
    void theEmailedQuestionListUsesTheLabelsInTheReadersLanguage() {
        Consultation c = consultation();
        assertThat(texts.questions(c, Language.CY)).contains("1 - Anniogel iawn; 2 - Eithaf anniogel")
                .doesNotContain("Very").doesNotContain("ytuno");
        assertThat(texts.questions(c, Language.EN)).contains("4 - Fairly safe; 5 - Very safe");
    }

    @Test
    void exportsThePointWithItsLabel() {
        assertThat(texts.display(labelled, "4", Language.EN)).isEqualTo("4 - Fairly safe");
        assertThat(texts.display(plain, "4", Language.EN)).isEqualTo("4 - Agree");
    }

    @Test
    void questionsStoredBeforeLabelsExistedReadAsAgreeDisagree() {
        Question old = Outbox.read("{\"id\":\"q1\",\"text\":{\"en\":\"Q\",\"cy\":\"C\"},\"type\":\"scale\",\"options\":[]}",
                Question.class);
        assertThat(old.labelled()).isFalse();
        Question back = Outbox.read(Outbox.json(labelled), Question.class);
        assertThat(back).isEqualTo(labelled);
    }

    private Consultation consultation() {
        return new Consultation(1L, "CON-2026-01", new Text("T", "T"), new Text("S", "S"), null, null, null,
                List.of(labelled), Audience.EVERYONE, false, Consultation.Status.DRAFT, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH.plusSeconds(86400 * 100), null, null, null, "staff", java.time.Instant.EPOCH);
    }
}
