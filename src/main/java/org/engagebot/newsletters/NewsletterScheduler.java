package org.engagebot.newsletters;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.OneInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Moves newsletters along: due SCHEDULED ones start enqueuing, ENQUEUING ones left by a crash resume after
 * their cursor (the first tick runs right after start-up), SENDING ones become SENT when none of their outbox
 * rows is pending, and the quarterly reminder is checked. Enqueuing runs on one background thread.
 */
@Singleton
@Requires(property = "engagebot.newsletters.scheduler.enabled", notEquals = "false")
class NewsletterScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(NewsletterScheduler.class);

    private final NewsletterStore store;
    private final NewsletterEnqueuer enqueuer;
    private final Outbox outbox;
    private final QuarterReminder reminder;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsletter-enqueue");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    NewsletterScheduler(NewsletterStore store, NewsletterEnqueuer enqueuer, Outbox outbox, QuarterReminder reminder,
                        Clock clock) {
        this.store = store;
        this.enqueuer = enqueuer;
        this.outbox = outbox;
        this.reminder = reminder;
        this.clock = clock;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.newsletters.poll-interval:5s}", initialDelay = "1s")
    synchronized void tick() {
        if (stopping) {
            return;
        }
        try {
            for (long id : store.due(clock.instant())) {
                store.startEnqueuing(id, clock.instant());
            }
            store.withStatus(Newsletter.Status.ENQUEUING).forEach(this::enqueue);
            store.withStatus(Newsletter.Status.SENDING).forEach(this::finishIfDone);
            reminder.check();
        } catch (RuntimeException e) {
            LOG.error("Newsletter scheduler tick failed; will retry", e);
        }
    }

    /** Runs a tick now on the enqueue thread (e.g. after staff press send). */
    void kick() {
        if (!stopping) {
            worker.submit(this::tick);
        }
    }

    private void enqueue(long id) {
        if (!running.add(id)) {
            return;
        }
        worker.submit(() -> {
            try {
                enqueuer.run(id, () -> !stopping);
            } catch (RuntimeException e) {
                LOG.error("Enqueuing newsletter {} failed; will resume from its cursor", id, e);
            } finally {
                running.remove(id);
            }
        });
    }

    private void finishIfDone(long id) {
        Map<String, Long> counts = outbox.batchCounts(NewsletterEnqueuer.BATCH, id);
        boolean pending = counts.keySet().stream().anyMatch(s -> s.equals("QUEUED") || s.equals("SENDING") || s.equals("HELD"));
        if (!pending && store.markSent(id, clock.instant())) {
            LOG.info("Newsletter {} sent: {}", id, counts);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
