package org.engagebot.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * What intake sets aside, through real IMAP: mail over engagebot.mail.max-size (1 MB here) and mail over the flood
 * limits (3 an hour from one address, 5 from one domain) is quarantined with a reason, its header block, size and
 * hash, not answered, and its IMAP copy moved to Quarantine; delivery reports are never held back by the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailQuarantineIT {
    private MailHarness mail;
    private TestService service;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of(
                "engagebot.mail.max-size", "1MB",
                "engagebot.mail.flood-per-hour", 3,
                "engagebot.mail.flood-per-domain-per-hour", 5)));
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void overLimitMailIsQuarantinedWithHeadersSizeAndHashAndMovedToQuarantine() throws Exception {
        mail.rawToBot(EmailMemoryIT.bigMail("sender@big.example", "big-q1@big.example", 3 * 1024 * 1024));
        mail.toBot(mail.message("after@example.org", "hello", "Hello after the big one"));
        mail.waitFor("after@example.org", 1);
        await(() -> quarantineHas("big-q1@big.example"), "big mail in Quarantine");

        Db db = service.bean(Db.class);
        String reason = db.one("SELECT reason FROM inbox WHERE status = 'QUARANTINED' AND reason LIKE 'too large%'",
                rs -> rs.getString(1)).orElseThrow();
        assertThat(reason).startsWith("too large: 3 MB over limit 1 MB").containsPattern("\\d{7} bytes, sha256:[0-9a-f]{64}");
        byte[] kept = db.one("SELECT raw FROM inbox WHERE reason = ?", rs -> rs.getBytes(1), reason).orElseThrow();
        assertThat(new String(kept)).contains("Message-ID: <big-q1@big.example>").doesNotContain("Please see");
        assertThat(mail.to("sender@big.example")).isEmpty();
    }

    @Test
    void aSenderOverTheHourlyLimitIsQuarantinedNotAnswered() throws Exception {
        String flooder = "flooder@flood.example";
        for (int i = 1; i <= 5; i++) {
            var m = mail.message(flooder, "message " + i, "Message number " + i);
            m.setHeader("Message-ID", "<flood-" + i + "@flood.example>");
            mail.toBot(m);
        }
        await(() -> quarantineHas("flood-5@flood.example") && quarantineHas("flood-4@flood.example"), "flood in Quarantine");
        Db db = service.bean(Db.class);
        assertThat(db.query("SELECT reason FROM inbox WHERE external_id IN ('flood-4@flood.example', 'flood-5@flood.example')",
                rs -> rs.getString(1))).hasSize(2)
                .allMatch(r -> r.startsWith("flood: more than 3 messages in an hour from this sender"));
        Thread.sleep(1500);
        assertThat(mail.to(flooder)).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aDomainOverItsHourlyLimitIsQuarantinedButBouncesAreNeverHeldBack() throws Exception {
        for (int i = 1; i <= 6; i++) {
            var m = mail.message("person" + i + "@busy-domain.example", "hello", "Hello from person " + i);
            m.setHeader("Message-ID", "<domain-" + i + "@busy-domain.example>");
            mail.toBot(m);
        }
        await(() -> quarantineHas("domain-6@busy-domain.example"), "sixth from the domain in Quarantine");
        assertThat(service.bean(Db.class).one("SELECT reason FROM inbox WHERE external_id = 'domain-6@busy-domain.example'",
                rs -> rs.getString(1))).hasValueSatisfying(r -> assertThat(r).contains("from this sender's domain"));

        Db db = service.bean(Db.class);
        for (int i = 1; i <= 5; i++) {
            // five reports from one MAILER-DAEMON: over both limits, were they counted
            mail.rawToBot(MailHarness.hardBounce("gone" + i + "@example.org", "dsn-" + i + "@mx.example.org", null));
        }
        await(() -> db.count("SELECT count(*) FROM email_bounce WHERE address LIKE 'gone%@example.org'") == 5, "all five bounces recorded");
    }

    private boolean quarantineHas(String messageId) {
        try (Store store = Session.getInstance(MailHarness.wholeFetch()).getStore("imap")) {
            store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
            Folder folder = store.getFolder(ImapWatcher.QUARANTINE);
            if (!folder.exists()) {
                return false;
            }
            folder.open(Folder.READ_ONLY);
            List<String> ids = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                String[] id = m.getHeader("Message-ID");
                if (id != null) {
                    ids.add(id[0]);
                }
            }
            return ids.stream().anyMatch(id -> id.contains(messageId));
        } catch (Exception e) {
            return false;
        }
    }
}
