package org.engagebot.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashMatchesItsPasswordOnly() {
        String stored = hasher.hash("correct horse battery");
        assertThat(hasher.matches("correct horse battery", stored)).isTrue();
        assertThat(hasher.matches("correct horse batter", stored)).isFalse();
    }

    @Test
    void theUnmatchableHashHasTodaysFormAndCostAndMatchesNothing() {
        String real = hasher.hash("x");
        String dummy = hasher.unmatchable();
        // same scheme and iteration count, so checking an unknown username costs what checking a real one does
        assertThat(dummy.split("\\$")).hasSize(4);
        assertThat(dummy.substring(0, dummy.indexOf('$', 7))).isEqualTo(real.substring(0, real.indexOf('$', 7)));
        assertThat(dummy).isNotEqualTo(hasher.unmatchable());
        for (String guess : new String[]{"", "x", "password", "\u0000"}) {
            assertThat(hasher.matches(guess, dummy)).isFalse();
        }
    }
}
