package org.engagebot.consultations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationErasureTest {

    @Test
    void redactsTheirEmailAndNameInAnyCaseAndKeepsTheRestOfTheText() {
        assertThat(ConsultationErasure.redact("More lights. GWEN PRITCHARD (gwen@Cymorth.org)",
                List.of("gwen@cymorth.org", "Gwen Pritchard"))).isEqualTo("More lights. [removed] ([removed])");
    }

    @Test
    void leavesTextWithoutIdentifiersAndNullAlone() {
        assertThat(ConsultationErasure.redact("Station Road $1", List.of("a@b.org"))).isEqualTo("Station Road $1");
        assertThat(ConsultationErasure.redact(null, List.of("a@b.org"))).isNull();
    }
}
