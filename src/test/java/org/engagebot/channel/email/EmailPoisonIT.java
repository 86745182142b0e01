package org.engagebot.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careless operator sets engagebot.mail.max-size (200 MB) above what the heap (-Xmx96m) can hold, and a 120 MB
 * mail arrives ahead of a resident's: reading it throws OutOfMemoryError in the watcher, which logs it, carries on
 * with the next message, and after three tries quarantines the one that keeps failing, so it cannot block intake.
 */
class EmailPoisonIT {

    @Test
    void aMessageThatKeepsFailingIsQuarantinedAndTheRestIsAnswered() throws Exception {
        try (MailHarness mail = new MailHarness()) {
            var user = mail.mail.getUserManager().getUserByEmail(MailHarness.BOT);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                    EmailMemoryIT.bigMail("heavy@example.net", "heavy-1@example.net", 120 * 1024 * 1024))));
            user.deliver(mail.message("resident@example.org", "hello", "Hello, is this the engagement desk?"));

            try (ServiceProcess service = ServiceProcess.start(List.of("-Xmx96m"),
                    mail.properties(java.util.Map.of("engagebot.mail.max-size", "200MB")))) {
                long end = System.currentTimeMillis() + 120_000;
                while (mail.to("resident@example.org").isEmpty() || quarantined(mail) == 0) {
                    assertThat(service.alive()).as("service alive").isTrue();
                    assertThat(System.currentTimeMillis()).as("waited for the answer and the quarantine\n%s",
                            service.logTail()).isLessThan(end);
                    Thread.sleep(200);
                }
                assertThat(service.alive()).isTrue();
                assertThat(service.log()).contains("could not be read (OutOfMemoryError), try 3 of 3");
                try (Connection db = DriverManager.getConnection(service.jdbcUrl());
                     ResultSet rs = db.createStatement().executeQuery(
                             "SELECT reason, raw FROM inbox WHERE status = 'QUARANTINED'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("poison: failed 3 times while being read (OutOfMemoryError)");
                    assertThat(new String(rs.getBytes(2))).contains("Message-ID: <heavy-1@example.net>");
                }
            }
        }
    }

    private static int quarantined(MailHarness mail) {
        try (Store store = Session.getInstance(MailHarness.wholeFetch()).getStore("imap")) {
            store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
            Folder folder = store.getFolder(ImapWatcher.QUARANTINE);
            return folder.exists() ? folder.getMessageCount() : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
