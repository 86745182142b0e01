package org.engagebot.consultations;

import org.engagebot.conversation.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WelshDetectorTest {

    @Test
    void recognisesWelshEnglishAndTooLittleToTell() {
        assertThat(WelshDetector.detect("Mae angen mwy o oleuadau yn y parc, ac mae'r bobl yn poeni.")).isEqualTo(Language.CY);
        assertThat(WelshDetector.detect("The park needs more lighting and people are worried about it.")).isEqualTo(Language.EN);
        assertThat(WelshDetector.detect("1. 4 2. 2")).isNull();
        assertThat(WelshDetector.detect(null)).isNull();
    }
}
