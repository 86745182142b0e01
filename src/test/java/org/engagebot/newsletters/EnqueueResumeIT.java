package org.engagebot.newsletters;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;

/**
 * A crash while recipients are being written: nothing is sent early, and the restart carries on after the cursor.
 * Two enqueuers at once (an instance that stalled past its lease and the one that took the job over) queue
 * everyone once.
 */
class EnqueueResumeIT {
    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(Map.of("engagebot.newsletters.page-size", 10,
                "engagebot.newsletters.poll-interval", "1h"));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anInterruptedEnqueueResumesOnStartWithEveryoneQueuedOnce() throws Exception {
        Db db = service.bean(Db.class);
        for (int i = 0; i < 55; i++) {
            Fixtures.contact(db, "r" + i + "@example.org", i % 2 == 0 ? "cy" : "en", true, i % 11 == 0);
        }
        Thread.sleep(1500);
        NewsletterService newsletters = service.bean(NewsletterService.class);
        long id = newsletters.create(Newsletter.Kind.NEWSLETTER, new org.engagebot.conversation.Text("T", "T"),
                new org.engagebot.conversation.Text("B", "B"), java.util.List.of(), Audience.EVERYONE, "test");
        NewsletterStore store = service.bean(NewsletterStore.class);
        store.schedule(id, Instant.now());
        store.startEnqueuing(id, Instant.now());
        AtomicInteger pages = new AtomicInteger();
        service.bean(NewsletterEnqueuer.class).run(id, () -> pages.incrementAndGet() <= 2);

        Newsletter half = store.byId(id).orElseThrow();
        assertThat(half.status()).isEqualTo(Newsletter.Status.ENQUEUING);
        assertThat(half.cursor()).isPositive();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status <> 'HELD'", id)).isZero();

        service.restart();
        NewsletterStore after = service.bean(NewsletterStore.class);
        awaitTrue(() -> after.byId(id).orElseThrow().status() == Newsletter.Status.SENDING);
        Db db2 = service.bean(Db.class);
        assertThat(db2.count("SELECT count(*) FROM outbox WHERE batch_id = ?", id)).isEqualTo(50);
        assertThat(db2.count("SELECT count(DISTINCT address) FROM outbox WHERE batch_id = ?", id)).isEqualTo(50);
        assertThat(db2.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status = 'HELD'", id)).isZero();
        assertThat(after.byId(id).orElseThrow().skippedOnHold()).isEqualTo(5);
    }

    @Test
    void twoEnqueuersRunningAtOnceQueueEveryoneOnce() throws Exception {
        Db db = service.bean(Db.class);
        for (int i = 0; i < 300; i++) {
            Fixtures.contact(db, "t" + i + "@example.org", i % 2 == 0 ? "cy" : "en", true, false);
        }
        NewsletterService newsletters = service.bean(NewsletterService.class);
        long id = newsletters.create(Newsletter.Kind.NEWSLETTER, new org.engagebot.conversation.Text("T", "T"),
                new org.engagebot.conversation.Text("B", "B"), java.util.List.of(), Audience.EVERYONE, "test");
        NewsletterStore store = service.bean(NewsletterStore.class);
        store.schedule(id, Instant.now());
        store.startEnqueuing(id, Instant.now());
        NewsletterEnqueuer enqueuer = service.bean(NewsletterEnqueuer.class);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = two.submit(() -> { go.await(); return enqueuer.run(id, () -> true); });
        var second = two.submit(() -> { go.await(); return enqueuer.run(id, () -> true); });
        go.countDown();
        boolean a = first.get();
        boolean b = second.get();
        two.shutdown();

        assertThat(a || b).as("one of them finished the enqueue").isTrue();
        assertThat(store.byId(id).orElseThrow().status()).isEqualTo(Newsletter.Status.SENDING);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE batch_id = ?", id)).isEqualTo(300);
        assertThat(db.count("SELECT count(DISTINCT address) FROM outbox WHERE batch_id = ?", id)).isEqualTo(300);
    }
}
