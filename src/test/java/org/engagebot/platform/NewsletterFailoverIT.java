package org.engagebot.platform;

import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.SharedDatabase;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.RefusingSmtpServer;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.SharedDatabase.await;
import static org.engagebot.testing.SharedDatabase.count;
import static org.engagebot.testing.SharedDatabase.heldBy;
import static org.engagebot.testing.SharedDatabase.holder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #19's proof: two instances on one PostgreSQL send a newsletter to 20,000 email and 300 Telegram contacts;
 * half-way through the email, the instance sending it is killed with kill -9. The other takes the senders' leases
 * over and finishes: nobody is missed, repeats are no more than the rows in flight at the kill, and Telegram never
 * answers 429. Prints the figures (failover time, emails a second). Skipped without a PostgreSQL for tests
 * (ENGAGEBOT_TEST_PG_URL).
 */
class NewsletterFailoverIT {
    private static final int EMAILS = 20_000;
    private static final int CHATS = 300;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    @Test
    void aNewsletterFinishesWithNobodyMissedWhenTheInstanceSendingItIsKilledHalfWay() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start("9:NEWS");
             RefusingSmtpServer smtp = new RefusingSmtpServer(address -> "250 2.1.5 OK")) {
            telegram.rateCap(30);
            Map<String, Object> database = TestDatabase.newPostgresDatabase();
            Map<String, Object> props = new HashMap<>(database);
            props.putAll(Map.of("engagebot.telegram.token", "9:NEWS", "engagebot.telegram.api-url", telegram.baseUrl(),
                    "engagebot.mail.smtp.host", "127.0.0.1", "engagebot.mail.smtp.port", smtp.port(),
                    "engagebot.mail.smtp.starttls", false, "engagebot.mail.address", "engage@opcc.example",
                    "engagebot.mail.rate", 2000, "engagebot.lease.ttl", "5s",
                    "engagebot.newsletters.poll-interval", "500ms", "logger.levels.root", "WARN"));
            try (ServiceProcess a = ServiceProcess.start(List.of("-Xmx384m"), props);
                 ServiceProcess b = ServiceProcess.start(List.of("-Xmx384m"), props);
                 Connection db = DriverManager.getConnection((String) database.get("datasources.default.url"),
                         (String) database.get("datasources.default.username"),
                         (String) database.get("datasources.default.password"))) {
                generate(db);
                String created = post(a, "/api/newsletters", "{\"title\": {\"en\": \"Winter newsletter\", \"cy\": "
                        + "\"Cylchlythyr y gaeaf\"}, \"body\": {\"en\": \"Events and funding this winter.\", \"cy\": "
                        + "\"Digwyddiadau a chyllid y gaeaf hwn.\"}}").body();
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
                assertThat(m.find()).as(created).isTrue();
                long id = Long.parseLong(m.group(1));
                assertThat(post(b, "/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);

                await(() -> !smtp.delivered().isEmpty(), Duration.ofMinutes(3));
                long firstDelivery = System.nanoTime();
                await(() -> smtp.delivered().size() >= EMAILS / 2, Duration.ofMinutes(3));
                double beforeKill = smtp.delivered().size() / secs(firstDelivery);
                ServiceProcess doomed = heldBy(db, "outbox:email", a.pid()) ? a : b;
                ServiceProcess survivor = doomed == a ? b : a;
                doomed.kill();
                long killedAt = System.nanoTime();
                long inFlight = count(db, "SELECT count(*) FROM outbox WHERE batch_id = " + id + " AND status = 'SENDING'");
                int deliveredAtKill = smtp.delivered().size();

                await(() -> heldBy(db, "outbox:email", survivor.pid()),
                        Duration.ofSeconds(30));
                double failover = secs(killedAt);
                await(() -> smtp.delivered().size() > deliveredAtKill, Duration.ofSeconds(30));
                double resumed = secs(killedAt);
                await(() -> count(db, "SELECT count(*) FROM outbox WHERE batch_id = " + id
                        + " AND status IN ('QUEUED', 'SENDING', 'HELD')") == 0, Duration.ofMinutes(5));
                double afterKill = (smtp.delivered().size() - deliveredAtKill) / secs(killedAt);
                Thread.sleep(1000); // a late repeat would show by now

                List<String> delivered = List.copyOf(smtp.delivered());
                Set<String> distinct = new HashSet<>(delivered);
                int repeats = delivered.size() - distinct.size();
                long telegramSent = telegram.sentCount();
                System.out.printf("Newsletter failover: %,d emails, %,d delivered (%d repeats; %d rows in flight at the kill); "
                                + "email lease taken over %.1f s and sending resumed %.1f s after kill -9 (ttl 5 s); %.0f emails/s "
                                + "before the kill, %.0f/s after it (failover included); Telegram %d sent, %d x 429%n", EMAILS,
                        delivered.size(), repeats, inFlight, failover, resumed, beforeKill, afterKill, telegramSent,
                        telegram.tooManyRequests());
                assertThat(distinct).hasSize(EMAILS);
                assertThat((long) repeats).isLessThanOrEqualTo(inFlight);
                assertThat(count(db, "SELECT count(*) FROM outbox WHERE batch_id = " + id + " AND status = 'SENT'"))
                        .isEqualTo(EMAILS + CHATS);
                for (int c = 0; c < CHATS; c++) {
                    assertThat(telegram.sentTo(2_000_000L + c)).as("chat " + c).isNotEmpty();
                }
                assertThat(telegramSent - CHATS).isLessThanOrEqualTo(inFlight);
                assertThat(telegram.tooManyRequests()).isZero();
                assertThat(survivor.alive()).isTrue();
            }
        }
    }

    /** 20,000 subscribed contacts by email; the first 300 also on Telegram with its newsletter consent. */
    private static void generate(Connection db) throws SQLException {
        long now = Instant.now().toEpochMilli();
        db.setAutoCommit(false);
        try (PreparedStatement contact = db.prepareStatement("INSERT INTO contact (organisation, name, email, language, "
                + "subscribed, created_at, updated_at) VALUES ('Org', 'Name', ?, ?, 1, ?, ?) RETURNING id");
             PreparedStatement participant = db.prepareStatement("INSERT INTO participant (channel, address, language, "
                     + "created_at, last_seen_at) VALUES ('telegram', ?, NULL, ?, ?) RETURNING id");
             PreparedStatement link = db.prepareStatement("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)");
             PreparedStatement consent = db.prepareStatement("INSERT INTO consent (contact_id, purpose, granted, version, "
                     + "channel, recorded_at) VALUES (?, 'newsletter-telegram', 1, 'test', 'telegram', ?)")) {
            for (int i = 0; i < EMAILS; i++) {
                contact.setString(1, "c" + i + "@example.org");
                contact.setString(2, i % 2 == 0 ? "cy" : "en");
                contact.setLong(3, now);
                contact.setLong(4, now);
                long id = returned(contact);
                if (i < CHATS) {
                    participant.setString(1, Long.toString(2_000_000L + i));
                    participant.setLong(2, now);
                    participant.setLong(3, now);
                    long p = returned(participant);
                    link.setLong(1, id);
                    link.setLong(2, p);
                    link.executeUpdate();
                    consent.setLong(1, id);
                    consent.setLong(2, now);
                    consent.executeUpdate();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long returned(PreparedStatement insert) throws SQLException {
        try (ResultSet r = insert.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static HttpResponse<String> post(ServiceProcess to, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(to.url(path)).header("Content-Type", "application/json")
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
