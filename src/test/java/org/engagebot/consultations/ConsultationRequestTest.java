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
}
