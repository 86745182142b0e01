package org.engagebot.channel;

/**
 * Spaces events evenly at a rate (a leaky bucket with a small burst), blocking the caller until its slot.
 * With a burst of 1 the spacing is strict, and a sliding-window guard also keeps any window of one second
 * (plus {@link #WINDOW_MARGIN_NANOS}, for jitter between taking a slot and the server seeing the request) to at
 * most ceil(rate) events, so a server counting "N a second" over a sliding second never sees N + 1.
 * Thread-safe. A rate of zero or less means unlimited.
 */
public final class RateLimiter {
    static final long WINDOW_MARGIN_NANOS = 20_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long burstNanos;
    private final long[] window;
    private int oldest;
    private long next;

    public RateLimiter(double perSecond, int burst) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (SECOND / perSecond);
        this.burstNanos = intervalNanos * Math.max(0, burst - 1);
        boolean guarded = intervalNanos > 0 && burst <= 1 && perSecond <= 10_000;
        this.window = guarded ? new long[(int) Math.ceil(perSecond)] : new long[0];
        this.next = System.nanoTime();
        java.util.Arrays.fill(window, next - 2 * SECOND);
    }

    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(next, now - burstNanos);
            if (window.length > 0) {
                slot = Math.max(slot, window[oldest] + SECOND + WINDOW_MARGIN_NANOS);
                window[oldest] = slot;
                oldest = (oldest + 1) % window.length;
            }
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
