package org.engagebot.channel;

import org.engagebot.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerHeartbeatTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final WorkerHeartbeat heartbeat = new WorkerHeartbeat(clock, Duration.ofMinutes(5));

    @Test
    void aWorkerThatNeverStartedIsUnhealthy() {
        assertThat(heartbeat.state().healthy()).isFalse();
        assertThat(heartbeat.state().describe()).isEqualTo("stopped");
    }

    @Test
    void aRunningWorkerIsHealthyUntilItMissesItsCyclesForLongerThanAllowed() {
        heartbeat.started();
        clock.advance(Duration.ofMinutes(4));
        assertThat(heartbeat.state().healthy()).isTrue();
        heartbeat.beat();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(heartbeat.state().healthy()).isFalse();
        assertThat(heartbeat.state().describe()).isEqualTo("stalled: no cycle for 301s");
        heartbeat.beat();
        assertThat(heartbeat.state().healthy()).isTrue();
    }

    @Test
    void aStoppedWorkerIsUnhealthyWhateverItsLastBeat() {
        heartbeat.started();
        heartbeat.stopped();
        assertThat(heartbeat.state().healthy()).isFalse();
    }

    @Test
    void aWorkerOnStandbyWhileAnotherInstanceHoldsItsLeaseIsHealthyAndSaysSoUntilItStartsOrStops() {
        heartbeat.standby();
        clock.advance(Duration.ofHours(2));
        assertThat(heartbeat.state().healthy()).isTrue();
        assertThat(heartbeat.state().describe()).isEqualTo("standby: another instance runs it");
        heartbeat.started();
        assertThat(heartbeat.state().describe()).isEqualTo("running");
        heartbeat.stopped();
        assertThat(heartbeat.state().healthy()).isFalse();
    }
}
