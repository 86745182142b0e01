package org.engagebot.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a background worker (IMAP watcher, Telegram poller) is alive: it calls {@link #started()} when its loop
 * begins, {@link #beat()} each time it completes a cycle, {@link #stopped()} when the loop ends. A health indicator
 * reads {@link #state()}: healthy only while running with a beat within {@code staleAfter}. Thread-safe.
 */
public final class WorkerHeartbeat {

    /** What a health check shows: no personal data, only whether it runs and how long since its last cycle. */
    public record State(boolean running, Duration sinceLastCycle, boolean stale, boolean standby) {
        /** Healthy while running and beating, or on standby (another instance holds its lease: platform/Leases). */
        public boolean healthy() {
            return standby || running && !stale;
        }

        /** A short text for /health details: "running", "stopped", "standby: …" or "stalled: no cycle for 95s". */
        public String describe() {
            if (standby) {
                return "standby: another instance runs it";
            }
            if (!running) {
                return "stopped";
            }
            return stale ? "stalled: no cycle for " + sinceLastCycle.toSeconds() + "s" : "running";
        }
    }

    private final Clock clock;
    private final Duration staleAfter;
    private volatile boolean running;
    private volatile Instant lastBeat;
    private volatile boolean standby;
    private final java.util.concurrent.atomic.AtomicLong beats = new java.util.concurrent.atomic.AtomicLong();

    public WorkerHeartbeat(Clock clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public void started() {
        lastBeat = clock.instant();
        standby = false;
        running = true;
    }

    /** Not running here because another instance holds the worker's lease; healthy, as that is by design. */
    public void standby() {
        running = false;
        standby = true;
    }

    public void beat() {
        lastBeat = clock.instant();
        beats.incrementAndGet();
    }

    /** Cycles completed since the start (a test waits for the first before it moves the clock). */
    public long beats() {
        return beats.get();
    }

    public void stopped() {
        running = false;
        standby = false;
    }

    public State state() {
        Instant last = lastBeat;
        Duration since = last == null ? Duration.ZERO : Duration.between(last, clock.instant());
        if (since.isNegative()) {
            since = Duration.ZERO;
        }
        return new State(running, since, running && since.compareTo(staleAfter) > 0, standby);
    }
}
