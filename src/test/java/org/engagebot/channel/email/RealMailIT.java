package org.engagebot.channel.email;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real mail in the shared corpora (sisimai's bounces, auto-replies and complaints, ordinary mail, Mime4j's odd
 * and malformed MIME, talon's replies from real clients) put in the bot's IMAP inbox at once and read by the running
 * service, end to end: each ends stored and processed, or quarantined with a reason; nothing is lost; no bounce,
 * auto-reply or complaint is ever answered; the watcher is still healthy afterwards and a resident's mail that follows
 * is answered. The parsers' own accuracy is measured per corpus in channel/email/parse; this is the intake as a whole.
 */
class RealMailIT {

    @Test
    void everyRealMailIsStoredOrQuarantinedAndNoMachineIsAnswered() throws Exception {
        Path corpora = Path.of("").toAbsolutePath().resolve("../shared/corpora").normalize();
        assumeTrue(Files.isDirectory(corpora), "corpora not found at " + corpora + " (clone shared/ beside the project)");
        Map<String, Path> automatic = files(corpora.resolve("bounces/bounces"), ".eml");
        Map<String, Path> all = new LinkedHashMap<>(automatic);
        all.putAll(files(corpora.resolve("bounces/not-bounces"), ".eml"));
        all.putAll(files(corpora.resolve("mime"), ".msg"));
        all.putAll(files(corpora.resolve("reply-trimming/talon"), ".eml"));

        try (MailHarness mail = new MailHarness()) {
            var bot = mail.mail.getUserManager().getUserByEmail(MailHarness.BOT);
            Session session = Session.getInstance(new Properties());
            Set<String> machineSenders = new TreeSet<>();
            for (Map.Entry<String, Path> file : all.entrySet()) {
                byte[] raw = Files.readAllBytes(file.getValue());
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
                bot.deliver(message);
                if (automatic.containsKey(file.getKey())) {
                    machineSenders.addAll(senders(message));
                }
            }
            int delivered = all.size();

            // the service's own limits (flood, daily replies) as deployed: the corpus is one burst from many senders
            try (TestService service = TestService.start(mail.properties())) {
                Db db = service.bean(Db.class);
                long end = System.currentTimeMillis() + 240_000;
                long expected = distinctMessages(all.values());
                while (db.count("SELECT count(*) FROM inbox WHERE channel = 'email'") < expected
                        || db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status = 'RECEIVED'") > 0
                        || inboxCount(mail) != 0) {
                    assertThat(System.currentTimeMillis()).as("the watcher read every corpus mail").isLessThan(end);
                    Thread.sleep(250);
                }

                // nothing lost: every mail moved out of the inbox, to Processed or Quarantine, and each has its row
                assertThat(folderCount(mail, ImapWatcher.PROCESSED) + folderCount(mail, ImapWatcher.QUARANTINE))
                        .as("mails moved out of INBOX").isEqualTo(delivered);
                // one row a message: the corpus holds a few files twice (the same bytes), which are one message
                assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'email'")).as("stored rows")
                        .isEqualTo(expected);
                assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status = 'QUARANTINED' "
                        + "AND (reason IS NULL OR reason = '')")).as("quarantined without a reason").isZero();
                assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status NOT IN "
                        + "('PROCESSED', 'QUARANTINED', 'IGNORED', 'FAILED')")).as("rows left unfinished").isZero();

                // no machine is ever answered (RFC 3834, and no bounce loops)
                List<String> answeredMachines = new ArrayList<>();
                for (MimeMessage out : fromBot(mail)) {
                    for (Address to : out.getAllRecipients()) {
                        String address = ((InternetAddress) to).getAddress().toLowerCase(Locale.ROOT);
                        if (machineSenders.contains(address)) {
                            answeredMachines.add(address);
                        }
                    }
                }
                assertThat(answeredMachines).as("bounces, auto-replies and complaints answered").isEmpty();

                // the intake is still alive: a resident writing after all of it is answered
                mail.toBot(mail.message("resident@example.org", "Helo", "Helo, ydy hwn y ddesg ymgysylltu?"));
                mail.waitFor("resident@example.org", 1);
                assertThat(service.get("/health").statusCode()).isEqualTo(200);
            }
        }
    }

    private static Map<String, Path> files(Path dir, String suffix) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .forEach(p -> out.put(dir.getFileName() + "/" + p.getFileName(), p));
        }
        return out;
    }

    private static Set<String> senders(MimeMessage m) {
        Set<String> out = new HashSet<>();
        try {
            Address[] from = m.getFrom();
            for (Address a : from == null ? new Address[0] : from) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (MessagingException e) {
            // an unreadable From: the service cannot answer it either
        }
        return out;
    }

    /** Distinct messages among the files: the same bytes twice (line endings aside) are one message. */
    private static long distinctMessages(Iterable<Path> files) throws IOException {
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            seen.add(org.engagebot.channel.Inbox.sha256(text.replace("\r\n", "\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
        return seen.size();
    }

    private static List<MimeMessage> fromBot(MailHarness mail) throws MessagingException {
        List<MimeMessage> out = new ArrayList<>();
        // GreenMail lists every stored message, the corpus's own (some with a From that cannot be parsed) too
        for (MimeMessage m : mail.mail.getReceivedMessages()) {
            try {
                Address[] from = m.getFrom();
                if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia
                        && MailHarness.BOT.equalsIgnoreCase(ia.getAddress())) {
                    out.add(m);
                }
            } catch (MessagingException e) {
                // not the bot's
            }
        }
        return out;
    }

    /** Mails still in INBOX; -1 when GreenMail drops the connection (its IMAP server is not safe to list while the
     * watcher moves messages: a ConcurrentModificationException on its side). */
    private static int inboxCount(MailHarness mail) {
        try {
            return folderCount(mail, "INBOX");
        } catch (MessagingException e) {
            return -1;
        }
    }

    private static int folderCount(MailHarness mail, String name) throws MessagingException {
        try (Store store = Session.getInstance(MailHarness.wholeFetch()).getStore("imap")) {
            store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
            Folder folder = store.getFolder(name);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }
}
