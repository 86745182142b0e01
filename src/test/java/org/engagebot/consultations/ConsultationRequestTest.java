package org.engagebot.consultations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationRequestTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void defaultsToThirteenWeeksFromOpening() {
        var r = ConsultationRequest.read("{\"title\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, \"summary\": "
                + "{\"en\": \"S\", \"cy\": \"C\"}, \"questions\": [{\"text\": {\"en\": \"Why?\", \"cy\": \"Pam?\"}}]}", NOW);
        assertThat(r.error()).isNull();
        assertThat(Duration.between(r.consultation().opensAt(), r.consultation().closesAt())).isEqualTo(Duration.ofDays(91));
        assertThat(r.consultation().needsTranslation()).isFalse();
        assertThat(r.consultation().questions().get(0).type()).isEqualTo("text");
    }

    @Test
    void refusesAShorterWindowWithoutAReason() {
        var r = ConsultationRequest.read("{\"title\": \"T\", \"summary\": \"S\", \"closesAt\": \"2026-03-20\", "
                + "\"questions\": [{\"text\": \"Q\"}]}", NOW);
        assertThat(r.error()).contains("shortReason");
    }

    @Test
    void acceptsAShorterWindowWithAReasonAndFlagsPlainStringsForTranslation() {
        var r = ConsultationRequest.read("{\"title\": \"T\", \"summary\": \"S\", \"closesAt\": \"2026-03-20\", "
                + "\"shortReason\": \"Budget deadline\", \"questions\": [{\"text\": \"Q\", \"type\": \"scale\"}]}", NOW);
        assertThat(r.error()).isNull();
        assertThat(r.consultation().needsTranslation()).isTrue();
        assertThat(r.consultation().shortReason().cy()).isEqualTo("Budget deadline");
    }

    @Test
    void refusesAnObjectTextMissingALanguage() {
        var r = ConsultationRequest.read("{\"title\": {\"en\": \"T\"}, \"summary\": \"S\", \"questions\": [{\"text\": \"Q\"}]}", NOW);
        assertThat(r.error()).contains("title");
    }

    @Test
    void refusesAChoiceWithoutOptionsAndAnUnknownType() {
        assertThat(ConsultationRequest.read("{\"title\": \"T\", \"summary\": \"S\", \"questions\": [{\"text\": \"Q\", "
                + "\"type\": \"choice\", \"options\": [\"only\"]}]}", NOW).error()).contains("options");
        assertThat(ConsultationRequest.read("{\"title\": \"T\", \"summary\": \"S\", \"questions\": [{\"text\": \"Q\", "
                + "\"type\": \"essay\"}]}", NOW).error()).contains("type");
        assertThat(ConsultationRequest.read("not json", NOW).error()).contains("JSON");
    }

    private static final String LABELS = "[{\"en\": \"Very unsafe\", \"cy\": \"Anniogel iawn\"}, "
            + "{\"en\": \"Fairly unsafe\", \"cy\": \"Eithaf anniogel\"}, "
            + "{\"en\": \"Neither safe nor unsafe\", \"cy\": \"Ddim yn ddiogel nac yn anniogel\"}, "
            + "{\"en\": \"Fairly safe\", \"cy\": \"Eithaf diogel\"}, {\"en\": \"Very safe\", \"cy\": \"Diogel iawn\"}]";

    private static ConsultationRequest.Result scale(String type, String labels) {
        return ConsultationRequest.read("{\"title\": \"T\", \"summary\": \"S\", \"questions\": [{\"text\": \"Q\"}, "
                + "{\"text\": \"How safe?\", \"type\": \"" + type + "\", \"options\": [\"a\", \"b\"], \"labels\": " + labels
                + "}]}", NOW);
    }

    @Test
    void acceptsAScaleWithItsOwnLabelsPointOneFirst() {
        var r = scale("scale", LABELS);
        assertThat(r.error()).isNull();
        Question q = r.consultation().questions().get(1);
        assertThat(q.labelled()).isTrue();
        assertThat(q.labels()).hasSize(5);
        assertThat(q.labels().get(0).cy()).isEqualTo("Anniogel iawn");
        assertThat(r.consultation().questions().get(0).labels()).isEmpty();
        assertThat(scale("scale", "null").consultation().questions().get(1).labelled()).isFalse();
        assertThat(scale("scale", LABELS.replace("\"Very safe\"", "\"5 - Very safe\""))
                .consultation().questions().get(1).labels().get(4).en()).isEqualTo("Very safe");
    }

    @Test
    void refusesLabelsThatAreIncompleteRepeatedOrNotOnAScale() {
        assertThat(scale("scale", "[{\"en\": \"Safe\", \"cy\": \"Diogel\"}]").error())
                .isEqualTo("questions[1].labels must list 5 labels, point 1 first, each {\"en\", \"cy\"}");
        assertThat(scale("scale", LABELS.replace("\"cy\": \"Eithaf diogel\"", "\"cy\": \"\"")).error())
                .isEqualTo("questions[1].labels[3] needs both \"en\" and \"cy\", each up to 100 characters");
        assertThat(scale("scale", "[\"1\", \"2\", \"3\", \"4\", \"5\"]").error()).contains("labels[0] needs both");
        assertThat(scale("scale", LABELS.replace("Very safe", "Fairly safe")).error())
                .isEqualTo("questions[1].labels[4] repeats another label: each point needs its own words");
        assertThat(scale("choice", LABELS).error()).isEqualTo(
                "questions[1].labels is only for a scale question (a choice question has options)");
        assertThat(scale("scale", LABELS).field()).isNull();
        assertThat(scale("scale", "{}").field()).isEqualTo("questions");
    }
}
