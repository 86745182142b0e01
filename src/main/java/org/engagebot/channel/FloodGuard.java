package org.engagebot.channel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts one sender's messages over the last minute, in memory (a restart forgets, which only makes it more
 * lenient). Bounded: the least recently seen senders are dropped past {@code maxSenders}. Thread-safe.
 */
public final class FloodGuard {
    private static final long WINDOW_MILLIS = 60_000;
    private final int maxSenders;
    private final Map<String, Deque<Long>> recent;

    public FloodGuard(int maxSenders) {
        this.maxSenders = maxSenders;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > FloodGuard.this.maxSenders;
            }
        };
    }

    /** Records a message at {@code nowMillis} and returns how many this sender sent in the last minute, this one included. */
    public synchronized int record(String sender, long nowMillis) {
        Deque<Long> times = recent.computeIfAbsent(sender, k -> new ArrayDeque<>());
        times.addLast(nowMillis);
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - WINDOW_MILLIS) {
            times.removeFirst();
        }
        return times.size();
    }
}
