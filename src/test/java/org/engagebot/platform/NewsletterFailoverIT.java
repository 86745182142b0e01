package org.engagebot.platform;

import org.engagebot.conversation.Text;
import org.engagebot.newsletters.Audience;
import org.engagebot.newsletters.Newsletter;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.RefusingSmtpServer;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #19's proof: a newsletter to 20,000 email and 300 Telegram contacts, sent by one of two instances on one
 * PostgreSQL, whose sender is killed with kill -9 half-way through the email. The other instance takes the senders'
 * leases over and finishes: nobody is missed, repeats are no more than the rows in flight at the kill, and Telegram
 * never answers 429. Prints the figures (failover time, emails a second before and after). Skipped without a
 * PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL).
 */
class NewsletterFailoverIT {
    private static final int EMAILS = 20_000;
    private static final int CHATS = 300;

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    @Test
    void aNewsletterFinishesWithNobodyMissedWhenItsSenderIsKilledHalfWay() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start("9:NEWS");
             RefusingSmtpServer smtp = new RefusingSmtpServer(address -> "250 2.1.5 OK")) {
            telegram.rateCap(30);
            Map<String, Object> props = new HashMap<>(TestDatabase.newPostgresDatabase());
            props.putAll(Map.of("engagebot.telegram.token", "9:NEWS", "engagebot.telegram.api-url", telegram.baseUrl(),
                    "engagebot.mail.smtp.host", "127.0.0.1", "engagebot.mail.smtp.port", smtp.port(),
                    "engagebot.mail.smtp.starttls", false, "engagebot.mail.address", "engage@opcc.example",
                    "engagebot.mail.rate", 2000, "engagebot.lease.ttl", "3s",
                    "engagebot.newsletters.poll-interval", "500ms", "logger.levels.root", "WARN"));
            try (ServiceProcess doomed = ServiceProcess.start(List.of("-Xmx384m"), props);
                 TestService survivor = TestService.start(props)) {
                Db db = survivor.bean(Db.class);
                Leases leases = survivor.bean(Leases.class);
                String doomedHolder = await(() -> holder(db, "outbox:email"), Duration.ofSeconds(30));
                assertThat(doomedHolder).as("the first instance sends email").isNotEqualTo(leases.holder());
                generate(db, survivor.bean(Transactions.class));

                NewsletterService newsletters = survivor.bean(NewsletterService.class);
                long id = newsletters.create(Newsletter.Kind.NEWSLETTER, new Text("Winter newsletter", "Cylchlythyr y gaeaf"),
                        new Text("Events and funding this winter.", "Digwyddiadau a chyllid y gaeaf hwn."), List.of("event"),
                        Audience.EVERYONE, "test");
                long started = System.nanoTime();
                newsletters.send(id, null, "test");
                await(() -> smtp.delivered().size() >= EMAILS / 2 ? "half" : null, Duration.ofMinutes(3));
                double beforeKill = smtp.delivered().size() / secs(started);
                doomed.kill();
                long killedAt = System.nanoTime();
                long inFlight = db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status = 'SENDING'", id);
                int deliveredAtKill = smtp.delivered().size();

                await(() -> leases.holder().equals(holder(db, "outbox:email")) ? "taken" : null, Duration.ofSeconds(30));
                double failover = secs(killedAt);
                await(() -> db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status IN ('QUEUED', 'SENDING')", id) == 0
                        ? "done" : null, Duration.ofMinutes(5));
                double afterKill = (smtp.delivered().size() - deliveredAtKill) / secs(killedAt);
                Thread.sleep(1000); // a late repeat would show by now

                List<String> delivered = List.copyOf(smtp.delivered());
                Set<String> distinct = new HashSet<>(delivered);
                int repeats = delivered.size() - distinct.size();
                long telegramSent = telegram.sentCount();
                System.out.printf("Newsletter failover: %,d emails, %,d delivered (%d repeats; %d rows in flight at the kill); "
                                + "email lease taken over %.1f s after kill -9 (ttl 3 s); %.0f emails/s before the kill, %.0f/s "
                                + "after it (failover included); Telegram %d sent, %d x 429%n", EMAILS, delivered.size(), repeats,
                        inFlight, failover, beforeKill, afterKill, telegramSent, telegram.tooManyRequests());
                assertThat(distinct).hasSize(EMAILS);
                assertThat((long) repeats).isLessThanOrEqualTo(inFlight);
                assertThat(db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status = 'SENT'", id))
                        .isEqualTo(EMAILS + CHATS);
                for (int c = 0; c < CHATS; c++) {
                    assertThat(telegram.sentTo(2_000_000L + c)).as("chat " + c).isNotEmpty();
                }
                assertThat(telegramSent - CHATS).isLessThanOrEqualTo(inFlight);
                assertThat(telegram.tooManyRequests()).isZero();
            }
        }
    }

    /** 20,000 subscribed contacts by email; the first 300 also on Telegram with its newsletter consent. */
    private static void generate(Db db, Transactions tx) {
        long now = Instant.now().toEpochMilli();
        for (int from = 0; from < EMAILS; from += 2_000) {
            int start = from;
            tx.run(() -> {
                for (int i = start; i < start + 2_000; i++) {
                    long id = db.insert("INSERT INTO contact (organisation, name, email, language, subscribed, created_at, "
                            + "updated_at) VALUES ('Org', 'Name', ?, ?, 1, ?, ?)", "c" + i + "@example.org",
                            i % 2 == 0 ? "cy" : "en", now, now);
                    if (i < CHATS) {
                        long p = db.insert("INSERT INTO participant (channel, address, language, created_at, last_seen_at) "
                                + "VALUES ('telegram', ?, NULL, ?, ?)", Long.toString(2_000_000L + i), now, now);
                        db.update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", id, p);
                        db.update("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                                + "VALUES (?, 'newsletter-telegram', 1, 'test', 'telegram', ?)", id, now);
                    }
                }
            });
        }
    }

    private static String holder(Db db, String lease) {
        return db.one("SELECT holder FROM lease WHERE name = ? AND expires_at > "
                + "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)", rs -> rs.getString(1), lease).orElse(null);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static <T> T await(Supplier<T> probe, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + timeout);
    }
}
