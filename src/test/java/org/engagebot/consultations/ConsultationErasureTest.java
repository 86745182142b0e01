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

    @Test
    void redactsTheirStoredPhoneHoweverItWasWritten() {
        List<String> ids = List.of("+447911123456");
        assertThat(ConsultationErasure.redact("Call me on 07911 123456 or +44 (0)7911 123-456, not 01248 123456.", ids))
                .isEqualTo("Call me on [removed] or [removed], not 01248 123456.");
        assertThat(ConsultationErasure.redact("Ring +447911123456", ids)).isEqualTo("Ring [removed]");
    }

    @Test
    void redactsTheirStoredPhoneWithAnExtension() {
        assertThat(ConsultationErasure.redact("Call 01248 123456 ext 22 or 01248 999999.", List.of("+441248123456;ext=22")))
                .isEqualTo("Call [removed] or 01248 999999.");
    }
}
