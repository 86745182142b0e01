package org.engagebot.channel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts one sender's messages over a sliding window (a minute unless told), in memory (a restart forgets, which
 * only makes it more lenient). Bounded: the least recently seen senders are dropped past {@code maxSenders}, and
 * each keeps at most {@code keepAtMost} times, so a count saturates there (enough to tell "over a limit"). Thread-safe.
 */
public final class FloodGuard {
    private final long windowMillis;
    private final int keepAtMost;
    private final int maxSenders;
    private final Map<String, Deque<Long>> recent;

    public FloodGuard(int maxSenders) {
        this(maxSenders, Duration.ofMinutes(1), Integer.MAX_VALUE);
    }

    public FloodGuard(int maxSenders, Duration window, int keepAtMost) {
        this.windowMillis = window.toMillis();
        this.keepAtMost = Math.max(1, keepAtMost);
        this.maxSenders = maxSenders;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > FloodGuard.this.maxSenders;
            }
        };
    }

    /**
     * Records a message at {@code nowMillis} and returns how many this sender sent within the window, this one
     * included (at most {@code keepAtMost}).
     */
    public synchronized int record(String sender, long nowMillis) {
        Deque<Long> times = recent.computeIfAbsent(sender, k -> new ArrayDeque<>());
        times.addLast(nowMillis);
        while (!times.isEmpty() && (times.peekFirst() <= nowMillis - windowMillis || times.size() > keepAtMost)) {
            times.removeFirst();
        }
        return times.size();
    }
}
