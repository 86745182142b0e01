package org.engagebot.platform;

import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.SharedDatabase;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.SharedDatabase.await;
import static org.engagebot.testing.SharedDatabase.count;
import static org.engagebot.testing.SharedDatabase.heldBy;
import static org.engagebot.testing.SharedDatabase.holder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #19: the IMAP watcher runs on one of two instances sharing a PostgreSQL database; killed with kill -9 while
 * it works through a run of mail, the other instance takes the watcher's lease over and finishes: every mail is
 * stored and processed once, and answered (again only if its answer was on the wire at the kill: the outbox sends at
 * least once). Skipped without a PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL).
 */
class ImapFailoverIT {
    private static final int MAILS = 40;

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
    }

    @Test
    void theWatcherMovesToTheSurvivorWithNoMailLostOrAnsweredTwice() throws Exception {
        try (MailHarness harness = new MailHarness()) {
            Map<String, Object> database = TestDatabase.newPostgresDatabase();
            Map<String, Object> props = new HashMap<>(harness.properties(database));
            props.putAll(Map.of("engagebot.lease.ttl", "3s", "engagebot.mail.poll-interval", "500ms",
                    "engagebot.telegram.enabled", "false", "logger.levels.root", "WARN"));
            try (ServiceProcess a = ServiceProcess.start(List.of("-Xmx256m"), props);
                 ServiceProcess b = ServiceProcess.start(List.of("-Xmx256m"), props);
                 Connection db = DriverManager.getConnection((String) database.get("datasources.default.url"),
                         (String) database.get("datasources.default.username"),
                         (String) database.get("datasources.default.password"))) {
                await(() -> holder(db, "imap") != null, Duration.ofSeconds(30));
                for (int i = 0; i < MAILS; i++) {
                    harness.toBot(harness.message("sender" + i + "@example.org", "A question " + i,
                            "Hello, could you tell me when the next consultation opens? Thanks, person " + i));
                }
                await(() -> count(db, "SELECT count(*) FROM inbox WHERE channel = 'email'") >= MAILS / 4, Duration.ofMinutes(2));
                ServiceProcess doomed = heldBy(db, "imap", a.pid()) ? a : b;
                ServiceProcess survivor = doomed == a ? b : a;
                doomed.kill();
                long killedAt = System.nanoTime();
                long storedAtKill = count(db, "SELECT count(*) FROM inbox WHERE channel = 'email'");
                long inFlight = count(db, "SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'SENDING'");

                await(() -> heldBy(db, "imap", survivor.pid()),
                        Duration.ofSeconds(30));
                double failover = (System.nanoTime() - killedAt) / 1e9;
                await(() -> count(db, "SELECT count(*) FROM inbox WHERE channel = 'email' AND status = 'PROCESSED'") == MAILS
                        && count(db, "SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'SENT'") >= MAILS,
                        Duration.ofMinutes(2));
                Thread.sleep(2000); // a second answer would show by now
                int answers = 0;
                for (int i = 0; i < MAILS; i++) {
                    int n = harness.to("sender" + i + "@example.org").size();
                    assertThat(n).as("answers to sender " + i).isPositive();
                    answers += n;
                }
                System.out.printf("IMAP failover: %d of %d mails stored at the kill; watcher lease taken over %.1f s after "
                        + "kill -9 (ttl 3 s); %d answers sent for %d mails (%d answers in flight at the kill)%n",
                        storedAtKill, MAILS, failover, answers, MAILS, inFlight);

                assertThat(count(db, "SELECT count(*) FROM inbox WHERE channel = 'email'")).isEqualTo(MAILS);
                assertThat(count(db, "SELECT count(DISTINCT address) FROM inbox WHERE channel = 'email'")).isEqualTo(MAILS);
                // each mail processed once; an answer is sent again only if it was in flight when its sender died
                assertThat((long) answers - MAILS).isLessThanOrEqualTo(inFlight);
                assertThat(survivor.alive()).isTrue();
            }
        }
    }
}
