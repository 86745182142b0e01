package org.engagebot.platform;

import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxItem;
import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the service on one PostgreSQL database (issue #19): outbox claims never hand one row to both,
 * webhook updates spread over both are each answered once (one Telegram sender, within its rate), and work under a
 * lease moves to the survivor when its holder is killed. Skipped without a PostgreSQL for tests
 * (ENGAGEBOT_TEST_PG_URL, as .ci/pg-cluster starts one).
 */
class SeveralInstancesIT {

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    private static Map<String, Object> shared(Map<String, Object> database, Object... more) {
        Map<String, Object> props = new HashMap<>(database);
        for (int i = 0; i < more.length; i += 2) {
            props.put((String) more[i], more[i + 1]);
        }
        return props;
    }

    @Test
    void twoInstancesClaimingTheSameOutboxNeverTakeOneRowTwice() throws Exception {
        Map<String, Object> database = TestDatabase.newPostgresDatabase();
        Map<String, Object> props = shared(database, "engagebot.outbox.enabled", false);
        try (TestService a = TestService.start(props); TestService b = TestService.start(props)) {
            Outbox first = a.bean(Outbox.class);
            for (int i = 0; i < 2000; i++) {
                first.enqueue("test", "chat-" + (i % 40), OutboundMessage.text("message " + i), Outbox.BULK, "newsletter", 1L);
            }
            ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
            ExecutorService claimers = Executors.newFixedThreadPool(4);
            List<Future<?>> runs = new ArrayList<>();
            for (Outbox outbox : List.of(first, b.bean(Outbox.class), first, b.bean(Outbox.class))) {
                runs.add(claimers.submit(() -> {
                    List<OutboxItem> items;
                    while (!(items = outbox.claim("test", 25)).isEmpty()) {
                        items.forEach(item -> claimed.add(item.id()));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            claimers.shutdown();
            Set<Long> distinct = new HashSet<>(claimed);
            assertThat(claimed).hasSize(2000);
            assertThat(distinct).hasSize(2000);
        }
    }

    @Test
    void aThousandWebhookUpdatesSpreadOverTwoInstancesAreEachAnsweredOnceInOrderPerChatWithinTelegramsLimits() throws Exception {
        FakeBotApi telegram = FakeBotApi.start("9:PAIR");
        telegram.rateCap(30);
        Map<String, Object> props = shared(TestDatabase.newPostgresDatabase(), "engagebot.telegram.token", "9:PAIR",
                "engagebot.telegram.api-url", telegram.baseUrl(), "engagebot.telegram.mode", "webhook",
                "engagebot.telegram.webhook-secret", "pair-secret");
        int chats = 100;
        // a walk that only makes sense in order: out of order, an answer lands on the wrong question or outside the flow
        List<String> walk = List.of("/start", "English", "/register", "Food Bank", "Ann Jones", "Conwy", "ann@example.org",
                "01492 575100", "skip", "We run a food bank");
        int each = walk.size();
        long reference = 799_999;
        try (telegram; TestService a = TestService.start(props); TestService b = TestService.start(props)) {
            List<TestService> both = List.of(a, b);
            for (int i = 0; i < each; i++) { // one chat through one instance only: the order its replies must have
                assertThat(post(a, reference, 900_000 + i, walk.get(i)).statusCode()).isEqualTo(200);
            }
            ExecutorService posters = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                long chat = 800_000 + c;
                int first = c * each;
                runs.add(posters.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int updateId = first + i + 1;
                        var response = post(both.get(updateId % 2), chat, updateId, walk.get(i));
                        assertThat(response.statusCode()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            posters.shutdown();
            Db db = a.bean(Db.class);
            await(() -> db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = 'RECEIVED'") == 0
                    && db.count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND status IN ('QUEUED', 'SENDING')") == 0
                    ? "done" : null, Duration.ofMinutes(3));
            Thread.sleep(1000); // a second send of anything would show by now
            assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = 'PROCESSED'"))
                    .isEqualTo((long) (chats + 1) * each);
            List<String> expected = telegram.sentTo(reference).stream().map(m -> m.text()).toList();
            assertThat(expected).hasSizeGreaterThanOrEqualTo(each);
            for (int c = 0; c < chats; c++) {
                assertThat(telegram.sentTo(800_000 + c).stream().map(m -> m.text()).toList())
                        .as("replies to chat " + c + ", in order").isEqualTo(expected);
            }
            assertThat(telegram.tooManyRequests()).isZero();
        }
    }

    @Test
    void aJobLeaseMovesToTheSurvivorWhenItsHolderIsKilled() {
        Map<String, Object> database = TestDatabase.newPostgresDatabase();
        Map<String, Object> props = shared(database, "engagebot.lease.ttl", "3s", "engagebot.newsletters.poll-interval", "500ms");
        String lease = "job:NewsletterScheduler.tick";
        try (ServiceProcess doomed = ServiceProcess.start(List.of("-Xmx256m"), props)) {
            try (TestService survivor = TestService.start(props)) {
                Db db = survivor.bean(Db.class);
                String doomedHolder = await(() -> holder(db, lease), Duration.ofSeconds(20));
                Leases leases = survivor.bean(Leases.class);
                assertThat(doomedHolder).isNotEqualTo(leases.holder());
                assertThat(leases.holds(lease)).isFalse();

                doomed.kill();
                long killedAt = System.nanoTime();
                await(() -> leases.holder().equals(holder(db, lease)) ? "taken" : null, Duration.ofSeconds(30));
                long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.println("Lease failover after kill -9 (ttl 3s): " + failoverMillis + " ms");
                assertThat(leases.holds(lease)).isTrue();
            }
        }
    }

    private static java.net.http.HttpResponse<String> post(TestService to, long chat, int updateId, String text) {
        String update = "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + updateId
                + ", \"date\": 1700000000, \"chat\": {\"id\": " + chat + ", \"type\": \"private\"}, "
                + "\"from\": {\"id\": " + chat + ", \"is_bot\": false, \"first_name\": \"P\"}, "
                + "\"text\": \"" + text + "\"}}";
        return to.send(HttpRequest.newBuilder(to.url("/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "pair-secret")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build());
    }

    private static String holder(Db db, String lease) {
        return db.one("SELECT holder FROM lease WHERE name = ? AND expires_at > "
                + "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)", rs -> rs.getString(1), lease).orElse(null);
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + timeout);
    }
}
