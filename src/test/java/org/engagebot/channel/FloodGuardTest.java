package org.engagebot.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloodGuardTest {

    @Test
    void countsOneSendersMessagesOverTheLastMinuteOnly() {
        FloodGuard guard = new FloodGuard(10);
        assertThat(guard.record("telegram:1", 0)).isEqualTo(1);
        assertThat(guard.record("telegram:1", 30_000)).isEqualTo(2);
        assertThat(guard.record("telegram:2", 30_000)).isEqualTo(1);
        assertThat(guard.record("telegram:1", 61_000)).isEqualTo(2);
    }

    @Test
    void forgetsTheLeastRecentlySeenSendersBeyondItsBound() {
        FloodGuard guard = new FloodGuard(2);
        guard.record("a", 0);
        guard.record("b", 1);
        guard.record("c", 2);
        assertThat(guard.record("a", 3)).isEqualTo(1);
    }

    @Test
    void countsOverAnHourWhenToldAndSaturatesAtWhatItKeeps() {
        FloodGuard guard = new FloodGuard(10, java.time.Duration.ofHours(1), 4);
        for (int i = 0; i < 10; i++) {
            guard.record("a@example.org", i * 60_000L);
        }
        assertThat(guard.record("a@example.org", 30 * 60_000L)).isEqualTo(4);
        assertThat(guard.record("a@example.org", 3 * 3_600_000L)).isEqualTo(1);
    }
}
