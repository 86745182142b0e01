package org.engagebot.staff;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP codes against RFC 6238's own test vectors (SHA-1, last six of the eight digits), and the drift window. */
class TotpCodesTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(TotpCodes.codeAt(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(TotpCodes.codeAt(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(TotpCodes.codeAt(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = TotpCodes.step(now);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "08 18 04", now)).hasValue(step);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
    }

    @Test
    void aSealedKeyOpensOnlyWithTheKeyThatSealedIt() {
        StaffKeys one = new StaffKeys("dGVzdC1vbmx5LXRvdHAta2V5LTMyLWJ5dGVzLWxvbmc=", null, "jdbc:sqlite::memory:");
        StaffKeys other = new StaffKeys("b3RoZXIta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMtLS0=", null, "jdbc:sqlite::memory:");
        String sealed = one.seal(RFC_SECRET);
        assertThat(sealed).startsWith("v1:").doesNotContain(TotpCodes.base32(RFC_SECRET));
        assertThat(one.open(sealed)).isEqualTo(RFC_SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
