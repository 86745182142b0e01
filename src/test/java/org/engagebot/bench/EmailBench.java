package org.engagebot.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Email throughput, printed: inbound (IMAP → stored, parsed, trimmed, routed, processed) and outbound (outbox →
 * SMTP over pooled connections) against GreenMail on localhost. Args: [inbound count] [outbound count].
 * mvn -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt) org.engagebot.bench.EmailBench 2000 5000
 * Options: -Dsmtp.port=2525 (outbound to e.g. postfix smtp-sink), -Dimap.port=2143 (inbound from e.g. Dovecot),
 * -Dpool=N (SMTP connections). With an external sink it also prints its own limit from the same run: postfix's
 * smtp-source into that sink over as many connections, and the ratio (skipped when smtp-source is absent).
 */
public final class EmailBench {
    private static final String BOT = "engage@opcc.example";

    /**
     * -Dimap.port=2143: an external IMAP server there (e.g. Dovecot) with user {@value #BOT} / "pw"; its INBOX and
     * Processed folders are emptied, then the inbound mail is appended to INBOX.
     */
    private static void appendTo(Session session, int port, List<MimeMessage> messages) throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", port, BOT, "pw");
        for (String name : new String[]{"Processed", "INBOX"}) {
            Folder f = store.getFolder(name);
            if (f.exists()) {
                f.open(Folder.READ_WRITE);
                if (f.getMessageCount() > 0) {
                    f.setFlags(1, f.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
                }
                f.close(true);
            }
        }
        Folder inbox = store.getFolder("INBOX");
        for (int i = 0; i < messages.size(); i += 500) {
            inbox.appendMessages(messages.subList(i, Math.min(i + 500, messages.size())).toArray(Message[]::new));
        }
        store.close();
    }

    /** -Dsmtp.port=2525 sends outbound to an external sink there (e.g. postfix smtp-sink), else to GreenMail. */
    private static int smtpPort(GreenMail mail) {
        return Integer.getInteger("smtp.port", mail.getSmtp().getPort());
    }

    /**
     * The outbound figure's own limit, from the same run: postfix's smtp-source pushing as many 5,000-byte messages
     * over as many reused connections (-s pool -d) into the same external sink, and the ratio. Skipped, saying why,
     * without an external sink (-Dsmtp.port) or without smtp-source (apt-get install postfix).
     */
    private static void smtpSourceLimit(int count, double ours) throws Exception {
        Integer port = Integer.getInteger("smtp.port");
        java.nio.file.Path tool = java.nio.file.Path.of(System.getProperty("smtp.source", "/usr/sbin/smtp-source"));
        if (port == null || !java.nio.file.Files.isExecutable(tool)) {
            System.out.println("limit: skipped (" + (port == null ? "no external sink: -Dsmtp.port" : tool + " not found: "
                    + "apt-get install postfix") + ")");
            return;
        }
        String pool = System.getProperty("pool", "3");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(tool.toString(), "-s", pool, "-d", "-l", "5000", "-m", Integer.toString(count),
                "-f", "bench@example.org", "-t", "sink@example.org", "127.0.0.1:" + port).inheritIO().start();
        if (p.waitFor() != 0) {
            System.out.println("limit: smtp-source failed (exit " + p.exitValue() + ")");
            return;
        }
        double limit = count / ((System.nanoTime() - t) / 1e9);
        System.out.printf("limit: smtp-source, %s reused connections, %d × 5,000-byte messages into the same sink: %.0f/s; "
                + "ours / smtp-source = %.2f%n", pool, count, limit, ours / limit);
    }

    public static void main(String[] args) throws Exception {
        int in = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int out = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        GreenMail mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        GreenMailUser bot = mail.setUser(BOT, BOT, "pw");
        Session session = Session.getInstance(new Properties());
        Integer imapPort = Integer.getInteger("imap.port");
        List<MimeMessage> external = new ArrayList<>();
        for (int i = 0; i < in; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("sender" + (i % 500) + "@example.org"));
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(BOT));
            m.setSubject(i % 3 == 0 ? "register" : "Re: hello");
            m.setText("Thanks for this.\n\nOn Monday, Engagebot wrote:\n> Question " + i + "\n> more quoted text", "UTF-8");
            m.setHeader("Message-ID", "<bench-" + i + "@example.org>");
            if (imapPort == null) {
                bot.deliver(m);
            } else {
                external.add(m);
            }
        }
        if (imapPort != null) {
            appendTo(session, imapPort, external);
        }
        Map<String, Object> props = Map.ofEntries(Map.entry("engagebot.mail.imap.host", "127.0.0.1"),
                Map.entry("engagebot.mail.imap.port", imapPort == null ? mail.getImap().getPort() : imapPort), Map.entry("engagebot.mail.imap.username", BOT),
                Map.entry("engagebot.mail.imap.password", "pw"), Map.entry("engagebot.mail.imap.ssl", false),
                Map.entry("engagebot.mail.smtp.host", "127.0.0.1"), Map.entry("engagebot.mail.smtp.port", smtpPort(mail)),
                Map.entry("engagebot.mail.smtp.starttls", false), Map.entry("engagebot.mail.address", BOT),
                Map.entry("engagebot.mail.rate", 0), Map.entry("engagebot.mail.max-replies-per-day", 0),
                Map.entry("engagebot.mail.poll-interval", "1s"),
                Map.entry("engagebot.mail.smtp.pool-size", Integer.getInteger("pool", 3)), Map.entry("logger.levels.root", "WARN"));
        long t0 = System.nanoTime();
        try (TestService service = TestService.start(props)) {
            Db db = service.bean(Db.class);
            while (db.count("SELECT count(*) FROM inbox WHERE channel = 'email'") == 0) {
                Thread.sleep(5);
            }
            long started = System.nanoTime();
            System.out.printf("service start-up and IMAP connect: %.2f s%n", (started - t0) / 1e9);
            t0 = started;
            while (db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status <> 'RECEIVED'") < in) {
                Thread.sleep(20);
            }
            double inSecs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inbound: %d emails in %.2f s from the first stored = %.0f emails/s (IMAP: %s)%n", in, inSecs,
                    in / inSecs, imapPort == null ? "GreenMail (same JVM)" : "127.0.0.1:" + imapPort);
            System.out.printf("SMTP pool: %s connections to %s%n", System.getProperty("pool", "3"),
                    System.getProperty("smtp.port") == null ? "GreenMail (same JVM)" : "127.0.0.1:" + smtpPort(mail));
            Outbox outbox = service.bean(Outbox.class);
            for (int i = 0; i < out; i++) {
                outbox.enqueue("email", "reader" + i + "@example.org", OutboundMessage.text("Newsletter body " + i)
                        .withSubject("Newsletter"), Outbox.BULK, "bench", 1L);
            }
            long t1 = System.nanoTime();
            outbox.wake("email");
            while (outbox.batchCounts("bench", 1).getOrDefault("SENT", 0L) < out) {
                Thread.sleep(20);
            }
            double outSecs = (System.nanoTime() - t1) / 1e9;
            System.out.printf("outbound: %d emails in %.2f s = %.0f emails/s%n", out, outSecs, out / outSecs);
            smtpSourceLimit(out, out / outSecs);
        } finally {
            mail.stop();
        }
    }
}
