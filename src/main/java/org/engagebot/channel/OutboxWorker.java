package org.engagebot.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one channel's outbox: claims due rows (replies first), holds bulk sends to the channel's rate,
 * spaces messages to one address, keeps each address's messages in order, and honours retry-after by
 * pausing the whole channel. One thread claims; sends run on a keyed pool and take their bulk rate slot just
 * before sending (so the pool cannot bunch them), strictly spaced; every send, replies ahead of bulk, passes a
 * {@link SendWindow} of ceil(rate) a second, so replies during a full-rate broadcast cannot push it over the cap.
 * Successful sends are marked SENT by a flusher thread in group commits (all sends finished while the previous
 * commit ran share one transaction).
 */
final class OutboxWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_ATTEMPTS = 8;

    private final Outbox outbox;
    private final ChannelSender sender;
    private final KeyedExecutor sends;
    private final RateLimiter bulkRate;
    private final SendWindow window;
    private final Map<String, Long> lastSentTo = new ConcurrentHashMap<>();
    private final AtomicLong pausedUntil = new AtomicLong();
    private final Object signal = new Object();
    private final java.util.concurrent.BlockingQueue<Outbox.Sent> done = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean running = true;
    private boolean woken;
    /** Whether this instance is the channel's sender now (platform/Leases: one sender per channel across instances). */
    private final java.util.function.BooleanSupplier leader;

    OutboxWorker(Outbox outbox, ChannelSender sender) {
        this(outbox, sender, () -> true);
    }

    OutboxWorker(Outbox outbox, ChannelSender sender, java.util.function.BooleanSupplier leader) {
        this.outbox = outbox;
        this.sender = sender;
        this.leader = leader;
        this.sends = new KeyedExecutor("outbox-" + sender.channel(), sender.concurrency());
        this.bulkRate = new RateLimiter(sender.bulkRatePerSecond(), 1);
        double rate = sender.bulkRatePerSecond();
        this.window = new SendWindow(rate > 0 && rate <= 1000 ? (int) Math.ceil(rate) : 0);
        this.flusher = new Thread(this::flushLoop, "outbox-" + sender.channel() + "-marker");
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
        sends.close();
        flusher.interrupt();
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void flushLoop() {
        while (running || !done.isEmpty()) {
            try {
                Outbox.Sent first = done.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first != null) {
                    done.put(first);
                    flush();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Outbox marker for {} failed; retrying", sender.channel(), e);
                sleepQuietly(200);
            }
        }
    }

    /** Marks every finished send SENT in one transaction; on failure they stay queued here for the next try. */
    private synchronized void flush() {
        List<Outbox.Sent> group = new java.util.ArrayList<>();
        done.drainTo(group, 1000);
        try {
            outbox.markSentAll(group);
        } catch (RuntimeException e) {
            done.addAll(group);
            throw e;
        }
    }

    @Override
    public void run() {
        boolean leading = false;
        while (running) {
            try {
                if (!leader.getAsBoolean()) {
                    leading = false;
                    idle(1000);
                    continue;
                }
                if (!leading) {
                    // rows left SENDING by this channel's previous sender (a crash here, or a dead instance)
                    outbox.requeueInFlight(sender.channel());
                    leading = true;
                }
                long pause = pausedUntil.get() - System.currentTimeMillis();
                if (pause > 0) {
                    idle(pause);
                    continue;
                }
                int room = sender.concurrency() * 4 - sends.backlog();
                List<OutboxItem> items = room > 0 ? outbox.claim(sender.channel(), Math.min(room, 100)) : List.of();
                if (items.isEmpty()) {
                    idle(room > 0 ? 500 : 5);
                    continue;
                }
                for (OutboxItem item : items) {
                    sends.submit(item.address(), () -> deliver(item));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error (OutOfMemoryError) must not end the worker for good: sends would stop until a restart
                LOG.error("Outbox worker for {} failed a cycle; continuing", sender.channel(), e);
                sleepQuietly(1000);
            }
        }
    }

    private void deliver(OutboxItem item) {
        try {
            spaceFor(item);
            boolean bulk = item.priority() == Outbox.BULK;
            if (bulk) {
                bulkRate.acquire();
            }
            SendResult result;
            window.enter(!bulk);
            try {
                result = sender.send(item);
            } finally {
                window.exit();
            }
            if (result instanceof SendResult.Sent s) {
                done.add(new Outbox.Sent(item.id(), s.externalId(), s.alsoRecord()));
            } else if (result instanceof SendResult.Retry r) {
                retry(item, r);
            } else if (result instanceof SendResult.Failed f) {
                outbox.markFailed(item.id(), f.reason());
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox item {} on {} failed: {}", item.id(), sender.channel(), e.getClass().getSimpleName());
            retry(item, new SendResult.Retry(Duration.ofSeconds(5), e.getClass().getSimpleName(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(OutboxItem item, SendResult.Retry r) {
        if (r.pauseChannel()) {
            pausedUntil.set(System.currentTimeMillis() + r.after().toMillis());
            LOG.info("Channel {} paused for {} ms: {}", sender.channel(), r.after().toMillis(), r.reason());
        }
        if (item.attempts() >= MAX_ATTEMPTS && !r.pauseChannel()) {
            outbox.markFailed(item.id(), "gave up after " + item.attempts() + " attempts: " + r.reason());
            return;
        }
        Duration backoff = r.pauseChannel() ? r.after() : r.after().multipliedBy(1L << Math.min(item.attempts(), 6));
        outbox.retryLater(item.id(), backoff, r.reason());
    }

    /** Broadcasts keep the channel's per-address spacing; replies to a live conversation go at once. */
    private void spaceFor(OutboxItem item) throws InterruptedException {
        long spacing = sender.perAddressSpacingMillis();
        if (spacing <= 0) {
            return;
        }
        String address = item.address();
        Long last = lastSentTo.get(address);
        long wait = last == null || item.priority() != Outbox.BULK ? 0 : last + spacing - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        lastSentTo.put(address, System.currentTimeMillis());
        if (lastSentTo.size() > 100_000) {
            lastSentTo.clear();
        }
    }

    private void idle(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, millis));
            }
            woken = false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
