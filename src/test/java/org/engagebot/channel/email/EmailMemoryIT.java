package org.engagebot.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.testing.ServiceProcess;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as its own JVM with the heap a 256 MB container gives it (-Xmx192m), against GreenMail holding
 * hostile mail ahead of a resident's: what killed intake for good before now passes through, with memory bounded by
 * engagebot.mail.max-size (25 MB), not by the mailbox.
 */
class EmailMemoryIT {
    private static final int MB = 1024 * 1024;

    @Test
    void bigMailAheadOfAResidentsDoesNotStopIntakeAndOverLimitMailIsQuarantinedWithSizeAndHash() throws Exception {
        try (MailHarness mail = new MailHarness()) {
            var user = mail.mail.getUserManager().getUserByEmail(MailHarness.BOT);
            for (int i = 1; i <= 8; i++) {
                user.deliver(parse(bigMail("sender" + i + "@example.net", "big-" + i + "@example.net", 20 * MB)));
            }
            user.deliver(parse(bigMail("huge@example.net", "huge-1@example.net", 50 * MB)));
            user.deliver(mail.message("resident@example.org", "hello", "Hello, is this the engagement desk?"));

            // 4 MB blocks rather than the default 1 MB: GreenMail reads the whole message again for every block
            try (ServiceProcess service = ServiceProcess.start(List.of("-Xmx192m"),
                    mail.properties(Map.of("engagebot.mail.imap.fetch-size", "4MB")))) {
                await(() -> !mail.to("resident@example.org").isEmpty(), service, "the resident's answer");
                await(() -> folderCount(mail, "INBOX") == 0 && folderCount(mail, ImapWatcher.QUARANTINE) == 1,
                        service, "INBOX emptied and the 50 MB mail in Quarantine");

                assertThat(service.alive()).isTrue();
                assertThat(service.log()).doesNotContain("OutOfMemoryError");
                assertThat(folderCount(mail, ImapWatcher.PROCESSED)).isEqualTo(9);
                assertThat(folderCount(mail, ImapWatcher.QUARANTINE)).isEqualTo(1);
                try (Connection db = DriverManager.getConnection(service.jdbcUrl())) {
                    assertThat(count(db, "SELECT count(*) FROM inbox WHERE status = 'PROCESSED' AND length(raw) > 20000000")).isEqualTo(8);
                    List<String[]> quarantined = rows(db, "SELECT reason, length(raw) FROM inbox WHERE status = 'QUARANTINED'");
                    assertThat(quarantined).hasSize(1);
                    String reason = quarantined.get(0)[0];
                    assertThat(reason).startsWith("too large: 50 MB over limit 25 MB")
                            .contains(quarantinedSize(mail) + " bytes, sha256:" + quarantinedHash(mail));
                    assertThat(Long.parseLong(quarantined.get(0)[1])).isLessThan(64 * 1024);
                }
                System.out.printf("EmailMemoryIT: service peak RSS %s kB with -Xmx192m%n",
                        service.peakRssKb().isPresent() ? service.peakRssKb().getAsLong() : "?");
            }
        }
    }

    /** A message of about {@code size} bytes: a short text and a base64 attachment of random bytes. */
    static byte[] bigMail(String from, String messageId, int size) {
        String head = "From: " + from + "\r\nTo: " + MailHarness.BOT + "\r\nSubject: files\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nPlease see the attached files.\r\n--b\r\n"
                + "Content-Type: application/octet-stream; name=\"files.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        byte[] payload = new byte[(int) ((size - head.length()) * 57L / 78)];
        new Random(messageId.hashCode()).nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(payload));
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static void await(BooleanSupplier condition, ServiceProcess service, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (!service.alive() || System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out waiting for " + what + " (alive: " + service.alive() + ")\n"
                        + service.logTail());
            }
            Thread.sleep(200);
        }
    }

    private static int folderCount(MailHarness mail, String name) {
        try (Store store = imap(mail)) {
            Folder folder = store.getFolder(name);
            return folder.exists() ? folder.getMessageCount() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static long quarantinedSize(MailHarness mail) throws Exception {
        try (Store store = imap(mail)) {
            Folder folder = store.getFolder(ImapWatcher.QUARANTINE);
            folder.open(Folder.READ_ONLY);
            CountingSink sink = new CountingSink();
            folder.getMessage(1).writeTo(sink);
            return sink.count;
        }
    }

    /** The SHA-256 of the quarantined message as the server serves it to staff. */
    private static String quarantinedHash(MailHarness mail) throws Exception {
        try (Store store = imap(mail)) {
            Folder folder = store.getFolder(ImapWatcher.QUARANTINE);
            folder.open(Folder.READ_ONLY);
            Message message = folder.getMessage(1);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            message.writeTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static Store imap(MailHarness mail) throws Exception {
        Store store = Session.getInstance(MailHarness.wholeFetch()).getStore("imap");
        store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
        return store;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<String[]> rows(Connection db, String sql) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
