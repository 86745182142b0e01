package org.engagebot.channel.email;

import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL with several instances, a sender's mail waits while another instance holds that sender's turn (its
 * advisory lock). The IMAP watcher moves a mail to Processed as soon as EmailIntake returns, so intake must not
 * return before the mail has really been processed: here a second connection holds the turn, as the other instance
 * would, and intake is still waiting until it lets go, then returns with the mail processed and answered. Skipped
 * without a PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL).
 */
class EmailBusySenderIT {
    private static final String DORA = "dora@example.org";

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    @Test
    void intakeReturnsOnlyOnceABusySendersMailIsProcessed() throws Exception {
        Map<String, Object> database = TestDatabase.newPostgresDatabase();
        try (MailHarness mail = new MailHarness()) {
            Map<String, Object> props = new HashMap<>(mail.properties());
            props.putAll(database);
            try (TestService service = TestService.start(props);
                 Connection other = DriverManager.getConnection((String) database.get("datasources.default.url"),
                         (String) database.get("datasources.default.username"),
                         (String) database.get("datasources.default.password"))) {
                other.setAutoCommit(false);
                try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                    lock.setInt(1, 0x1B0D); // SenderTurns' namespace
                    lock.setString(2, "email:" + DORA);
                    lock.execute();
                }
                byte[] raw = raw(mail.message(DORA, "A question", "Hello, when is the next meeting in Bangor?"));
                CompletableFuture<Void> intake = CompletableFuture.runAsync(
                        () -> service.bean(EmailIntake.class).receive(raw));
                Db db = service.bean(Db.class);
                MailHarness.await(() -> db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND address = ?",
                        DORA) == 1, "stored");
                Thread.sleep(1000);
                assertThat(intake).as("intake waits while the other instance holds the sender's turn").isNotDone();
                assertThat(status(db)).isEqualTo("RECEIVED");

                other.commit(); // the other instance's transaction ends: the turn is free
                intake.get(30, TimeUnit.SECONDS);
                assertThat(status(db)).isEqualTo("PROCESSED");
                assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = 'email' AND address = ?", DORA))
                        .as("answered").isPositive();
            }
        }
    }

    private static String status(Db db) {
        return db.one("SELECT status FROM inbox WHERE channel = 'email' AND address = ?", rs -> rs.getString(1), DORA)
                .orElseThrow();
    }

    private static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}
