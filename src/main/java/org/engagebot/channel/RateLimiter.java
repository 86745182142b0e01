package org.engagebot.channel;

/**
 * Spaces events evenly at a rate (a leaky bucket with a small burst), blocking the caller until its slot.
 * Thread-safe. A rate of zero or less means unlimited.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final long burstNanos;
    private long next;

    public RateLimiter(double perSecond, int burst) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.burstNanos = intervalNanos * Math.max(0, burst - 1);
        this.next = System.nanoTime();
    }

    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(next, now - burstNanos);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
