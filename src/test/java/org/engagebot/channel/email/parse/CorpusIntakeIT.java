package org.engagebot.channel.email.parse;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the shared mail corpora (../shared/corpora) put into the bot's IMAP mailbox on GreenMail and taken in
 * by the running service, as real mail would be: nothing crashes or is left behind, every message ends stored or
 * quarantined with a reason, bounces and auto-replies are never answered, bounces are recorded against the address
 * that failed (never against the daemon that reported it), and a reply is stored as what its sender wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusIntakeIT {
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of(
                "engagebot.mail.flood-per-hour", 100_000,
                "engagebot.mail.flood-per-domain-per-hour", 100_000)));
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        mail.close();
    }

    @Test
    void bouncesAndAutoRepliesAreStoredRecordedAgainstTheFailedAddressAndNeverAnswered() throws Exception {
        List<Path> files = new ArrayList<>(Corpora.files(Corpora.folder("bounces").resolve("bounces"), ".eml"));
        long before = rows();
        deliver(files);

        assertThat(unsettled()).as("rows neither processed nor quarantined with a reason").isEmpty();
        assertThat(rows() - before).as("rows for %d files (true repeats are stored once)", files.size())
                .isGreaterThanOrEqualTo(distinct(files));
        java.util.Set<String> reporters = senders(files);
        Thread.sleep(3000);
        assertThat(sentByBot().stream().filter(to -> reporters.contains(to.substring(0, to.indexOf(": ")))).toList())
                .as("answers to the senders of bounces and auto-replies").isEmpty();
        List<String[]> wrong = db.query("SELECT b.address, i.address, i.raw FROM email_bounce b JOIN inbox i ON i.id = b.inbox_id",
                rs -> new String[]{rs.getString(1), rs.getString(2),
                        new String(rs.getBytes(3), StandardCharsets.ISO_8859_1).replaceAll("=\\r?\\n", "")})
                .stream().filter(b -> b[0].equalsIgnoreCase(b[1]) || b[0].equalsIgnoreCase(MailHarness.BOT)
                        || !b[2].toLowerCase(Locale.ROOT).contains(b[0].toLowerCase(Locale.ROOT)))
                .toList();
        assertThat(wrong.stream().map(b -> b[0] + " (reported by " + b[1] + ")").toList())
                .as("bounces recorded against the reporter, the bot, or an address the report never names").isEmpty();
        long recorded = db.count("SELECT count(DISTINCT inbox_id) FROM email_bounce");
        System.out.printf("Corpus intake: %d bounce and auto-reply files, %d rows, %d with a bounce recorded, 0 answered%n",
                files.size(), rows() - before, recorded);
    }

    @Test
    void oddMimeAndOrdinaryMailEndStoredOrQuarantinedWithAReasonAndNothingIsLost() throws Exception {
        List<Path> files = new ArrayList<>(Corpora.files(Corpora.folder("mime"), ".msg"));
        files.addAll(Corpora.files(Corpora.folder("bounces/not-bounces"), ".eml"));
        long before = rows();
        deliver(files);

        assertThat(unsettled()).as("rows neither processed nor quarantined with a reason").isEmpty();
        assertThat(rows() - before).as("rows for %d files", files.size()).isGreaterThanOrEqualTo(distinct(files));
        assertThat(db.count("SELECT count(*) FROM email_bounce b JOIN inbox i ON i.id = b.inbox_id WHERE i.raw LIKE '%is-not-bounce%'"))
                .as("ordinary mail taken for a bounce").isZero();
    }

    @Test
    void repliesFromRealMailClientsAreStoredAsWhatTheSenderWrote() throws Exception {
        Path talon = Corpora.folder("reply-trimming/talon");
        List<Path> files = Corpora.files(talon, ".eml");
        deliver(files);

        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            String stored = storedBody(Files.readAllBytes(file));
            String expected = Files.readString(talon.resolve(Corpora.name(file) + ".expected"));
            if (stored == null || !squash(stored).startsWith(squash(expected).replaceFirst("(?s)\\s*sent from my iphone$", ""))) {
                wrong.add(Corpora.name(file) + ": stored \"" + stored + "\"");
            }
        }
        assertThat(wrong).as("replies stored with quoted history, or not stored").isEmpty();
    }

    @Test
    void discourseRepliesKeepOnlyTheParticipantsWords() throws Exception {
        Path discourse = Corpora.folder("reply-trimming/discourse");
        List<Path> files = Corpora.files(discourse.resolve("emails"), ".txt");
        Session session = Session.getInstance(new java.util.Properties());
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : files) {
            String headers = "From: reply-" + Corpora.name(file).replaceAll("[^A-Za-z0-9]", "") + "@corpus.example\r\n"
                    + "To: " + MailHarness.BOT + "\r\nSubject: Re: your message\r\n"
                    + "Message-ID: <discourse-" + Corpora.name(file) + "@corpus.example>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
            String body = Files.readString(file).replace("\r\n", "\n").replace("\n", "\r\n");
            messages.add(new MimeMessage(session, new ByteArrayInputStream((headers + body).getBytes(StandardCharsets.UTF_8))));
        }
        append(messages);

        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            String name = Corpora.name(file);
            String stored = db.one("SELECT body FROM inbox WHERE external_id = ?", rs -> rs.getString(1),
                    "discourse-" + name + "@corpus.example").orElse(null);
            String expected = Files.readString(discourse.resolve("trimmed").resolve(name + ".txt"));
            if (stored == null || !squash(stored).equals(squash(expected))) {
                wrong.add(name + ": stored \"" + stored + "\"");
            }
        }
        System.out.printf("Corpus intake: %d of %d discourse replies stored exactly as written%n",
                files.size() - wrong.size(), files.size());
        assertThat(wrong).as("replies stored with quoted history or signature").isEmpty();
    }

    private void deliver(List<Path> files) throws MessagingException {
        Session session = Session.getInstance(new java.util.Properties());
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : files) {
            try {
                messages.add(new MimeMessage(session, new ByteArrayInputStream(Files.readAllBytes(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        append(messages);
    }

    /** IMAP APPEND into the bot's INBOX (the raw bytes as they are), then waits until intake has moved every one out. */
    private void append(List<? extends Message> messages) throws MessagingException {
        Store store = Session.getInstance(MailHarness.wholeFetch()).getStore("imap");
        store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            for (int i = 0; i < messages.size(); i += 25) {
                inbox.appendMessages(messages.subList(i, Math.min(messages.size(), i + 25)).toArray(Message[]::new));
            }
            long deadline = System.currentTimeMillis() + 600_000;
            while (inbox.getMessageCount() > 0) {
                assertThat(System.currentTimeMillis()).as("intake emptied INBOX within 10 minutes").isLessThan(deadline);
                sleep();
            }
        } finally {
            store.close();
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status = 'RECEIVED'") > 0
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
    }

    private long rows() {
        return db.count("SELECT count(*) FROM inbox WHERE channel = 'email'");
    }

    private List<String> unsettled() {
        return db.query("SELECT external_id || ' ' || status || ' ' || coalesce(reason, '') FROM inbox WHERE channel = 'email' "
                + "AND (status NOT IN ('PROCESSED', 'QUARANTINED') OR (status = 'QUARANTINED' AND coalesce(reason, '') = ''))",
                rs -> rs.getString(1));
    }

    /** Files that are not byte-for-byte repeats of an earlier one. */
    private static long distinct(List<Path> files) {
        return files.stream().map(f -> {
            try {
                return org.engagebot.channel.Inbox.sha256(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).distinct().count();
    }

    /** The addresses in the files' own From headers (not those of the messages they quote), lower case. */
    private static java.util.Set<String> senders(List<Path> files) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.regex.Pattern from = java.util.regex.Pattern.compile("(?im)^from:[^\\n]*?([\\w.+=-]+@[\\w.-]+)");
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            int end = text.indexOf("\n\n");
            java.util.regex.Matcher m = from.matcher(end < 0 ? text : text.substring(0, end));
            if (m.find()) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Mail the bot sent, as "address: subject", the address in lower case. */
    private List<String> sentByBot() throws MessagingException {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mail.mail.getReceivedMessages()) {
            String from = m.getHeader("From", ",");
            if (from != null && from.toLowerCase(Locale.ROOT).contains(MailHarness.BOT)) {
                String to = String.valueOf(m.getHeader("To", ",")).toLowerCase(Locale.ROOT);
                out.add(to.replaceAll("(?s).*<([^>]+)>.*", "$1").strip() + ": " + m.getSubject());
            }
        }
        return out;
    }

    /** What intake stored as said for a file: found by its Message-ID, else by the start of its body in the raw kept. */
    private String storedBody(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?im)^message-id:\\s*<?([^>\\n]+)>?").matcher(text);
        if (id.find()) {
            return db.one("SELECT body FROM inbox WHERE external_id = ?", rs -> rs.getString(1), id.group(1).strip()).orElse(null);
        }
        String body = text.substring(text.indexOf("\n\n") + 2).strip();
        String start = body.substring(0, Math.min(120, body.length()));
        return db.query("SELECT body, raw FROM inbox WHERE channel = 'email'", rs -> new String[]{rs.getString(1),
                        new String(rs.getBytes(2), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")}).stream()
                .filter(r -> r[1].contains(start)).map(r -> r[0]).findFirst().orElse(null);
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
