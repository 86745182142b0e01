package org.engagebot.channel;

import java.util.ArrayDeque;

/**
 * Keeps any sliding second at the server to at most {@code limit} requests, whatever the jitter between us and it:
 * a send may start only while the sends in flight plus those that finished less than a second ago are fewer than
 * the limit. (A request reaches the server after it starts and before it finishes, so two requests counted in
 * one of the server's seconds are always both counted here.) Every send to the server must pass, replies too, or
 * a reply during a full-rate broadcast is the one over the cap; an urgent send (a reply to a live conversation)
 * takes the next free place ahead of any waiting bulk send. Thread-safe; a limit of zero or less means none.
 */
final class SendWindow {
    private static final long SECOND = 1_000_000_000L;

    private final int limit;
    private final ArrayDeque<Long> finished = new ArrayDeque<>();
    private int inFlight;
    private int urgentWaiting;

    SendWindow(int limit) {
        this.limit = limit;
    }

    /** Blocks until a send may start without exceeding the limit, and counts it in flight. */
    synchronized void enter(boolean urgent) throws InterruptedException {
        if (limit <= 0) {
            return;
        }
        if (urgent) {
            urgentWaiting++;
        }
        try {
            while (true) {
                long now = System.nanoTime();
                while (!finished.isEmpty() && now - finished.peekFirst() >= SECOND) {
                    finished.pollFirst();
                }
                if (inFlight + finished.size() < limit && (urgent || urgentWaiting == 0)) {
                    inFlight++;
                    return;
                }
                long waitNanos = finished.isEmpty() ? SECOND / 100 : finished.peekFirst() + SECOND - now;
                wait(Math.max(1, waitNanos / 1_000_000), 0);
            }
        } finally {
            if (urgent) {
                urgentWaiting--;
                notifyAll();
            }
        }
    }

    /** Records that a send entered with {@link #enter} has finished (successfully or not). */
    synchronized void exit() {
        if (limit <= 0) {
            return;
        }
        inFlight--;
        finished.addLast(System.nanoTime());
        notifyAll();
    }
}
