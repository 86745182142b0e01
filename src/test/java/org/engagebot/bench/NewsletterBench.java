package org.engagebot.bench;

import org.engagebot.conversation.Text;
import org.engagebot.newsletters.Audience;
import org.engagebot.newsletters.Newsletter;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends one newsletter to generated contacts (default 100,000, each with an email address, one in three also on
 * Telegram) and prints: enqueue rate, Telegram messages a second against FakeBotApi's 30/s cap over a fixed
 * window, 429s, and peak RSS. Email rows are counted but only sent if an email sender is present. Prints
 * figures, asserts nothing. Run (a JVM of its own, so RSS is the service's):
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx128m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -Dsmtp.port=2525 \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) org.engagebot.bench.NewsletterBench 100000 60
 * (-Dsmtp.port: email rows go to an SMTP sink such as postfix smtp-sink; without it they stay queued.) RSS is the
 * whole JVM, so it includes the in-process FakeBotApi. On PostgreSQL: ENGAGEBOT_TEST_DATABASE=postgresql with the
 * test server's URL exported (eval "$(.ci/pg-cluster)"), as for the tests.
 * </pre>
 */
public final class NewsletterBench {
    private NewsletterBench() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Integer smtpPort = Integer.getInteger("smtp.port");
        try (FakeBotApi telegram = FakeBotApi.start("123:BENCH");
             TestService service = TestService.start(props(telegram, smtpPort))) {
            telegram.rateCap(30);
            telegram.countOnly();
            Db db = service.bean(Db.class);
            long t0 = System.nanoTime();
            generate(db, service.bean(Transactions.class), contacts);
            System.out.printf("generated %,d contacts in %.1f s%n", contacts, secs(t0));
            printRss("after generating");

            NewsletterService newsletters = service.bean(NewsletterService.class);
            // both languages, as the office must publish (a newsletter in one language only is refused)
            Text body = new Text(Files.readString(Path.of("src/test/resources/bench/newsletter.md")),
                    Files.readString(Path.of("src/test/resources/bench/newsletter-cy.md")));
            long id = newsletters.create(Newsletter.Kind.NEWSLETTER, new Text("Winter newsletter", "Cylchlythyr y gaeaf"),
                    body, List.of("event"), Audience.EVERYONE, "bench");
            long start = System.nanoTime();
            NewsletterService.SendOutcome outcome = newsletters.send(id, null, "bench");
            if (outcome != NewsletterService.SendOutcome.SCHEDULED) {
                throw new IllegalStateException("the newsletter was not scheduled: " + outcome);
            }
            while (newsletters.byId(id).orElseThrow().status() != Newsletter.Status.SENDING) {
                Thread.sleep(100);
            }
            double enqueue = secs(start);
            long rows = db.count("SELECT count(*) FROM outbox WHERE batch_id = ?", id);
            System.out.printf("enqueued %,d rows (%,d email, %,d telegram) in %.1f s = %,.0f rows/s%n", rows,
                    db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND channel = 'email'", id),
                    db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND channel = 'telegram'", id), enqueue,
                    rows / enqueue);
            printRss("after enqueue");

            long before = telegram.sentCount();
            long w0 = System.nanoTime();
            long emailRows = db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND channel = 'email'", id);
            double emailDone = -1;
            double telegramDone = -1;
            long emailSent = 0;
            long telegramRows = db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND channel = 'telegram'", id);
            while (secs(w0) < window && telegramDone < 0) {
                Thread.sleep(250);
                if (telegram.sentCount() >= telegramRows) {
                    telegramDone = secs(w0);
                }
                if (smtpPort != null && emailDone < 0) {
                    // index-only count (outbox_due); a filter on batch_id would scan every payload each time
                    emailSent = db.count("SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'SENT'");
                    if (emailSent >= emailRows) {
                        emailDone = secs(w0);
                    }
                }
            }
            double elapsed = secs(w0);
            if (smtpPort != null) {
                System.out.printf(emailDone > 0 ? "email: all %,d sent to 127.0.0.1:%d in %.1f s = %,.0f emails/s%n"
                        : "email: %,d of %,d sent to 127.0.0.1:%d in the %.1f s window = %,.0f emails/s (not finished)%n",
                        emailDone > 0 ? new Object[]{emailRows, smtpPort, emailDone, emailRows / emailDone}
                                : new Object[]{emailSent, emailRows, smtpPort, elapsed, emailSent / elapsed});
            }
            long sent = telegram.sentCount() - before;
            double rate = sent / elapsed;
            System.out.printf("telegram: %,d messages in %.1f s = %.2f msg/s = %.1f%% of the 30/s cap; 429s: %d%s%n",
                    sent, elapsed, rate, rate / 30 * 100, telegram.tooManyRequests(),
                    telegramDone > 0 ? " (all Telegram rows sent)" : "");
            if (telegramDone < 0) {
                System.out.printf("extrapolated: all %,d Telegram rows would take %.0f min at this rate (not measured)%n",
                        telegramRows, telegramRows / rate / 60);
            }
            System.out.println("progress: " + newsletters.progress(id).orElseThrow());
            printRss("end");
        }
    }

    /** -Dsmtp.port=2525 sends the email rows to an SMTP sink there (e.g. postfix smtp-sink) at -Dmail.rate a second. */
    private static Map<String, Object> props(FakeBotApi telegram, Integer smtpPort) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of("engagebot.telegram.token", "123:BENCH",
                "engagebot.telegram.api-url", telegram.baseUrl(), "engagebot.newsletters.poll-interval", "500ms",
                "logger.levels.root", "WARN"));
        if (smtpPort != null) {
            props.putAll(Map.of("engagebot.mail.smtp.host", "127.0.0.1", "engagebot.mail.smtp.port", smtpPort,
                    "engagebot.mail.smtp.starttls", false, "engagebot.mail.address", "engage@opcc.example",
                    "engagebot.mail.rate", Integer.getInteger("mail.rate", 1500),
                    "engagebot.mail.smtp.pool-size", Integer.getInteger("pool", 3)));
        }
        return props;
    }

    private static void generate(Db db, Transactions tx, int contacts) {
        long now = Instant.now().toEpochMilli();
        int page = 5_000;
        for (int from = 0; from < contacts; from += page) {
            int start = from;
            tx.run(() -> {
                for (int i = start; i < Math.min(start + page, contacts); i++) {
                    long id = db.insert("INSERT INTO contact (organisation, name, email, language, subscribed, created_at, "
                            + "updated_at) VALUES ('Org', 'Name', ?, ?, 1, ?, ?)", "c" + i + "@example.org",
                            i % 3 == 0 ? null : (i % 3 == 1 ? "cy" : "en"), now, now);
                    if (i % 3 == 0) {
                        long p = db.insert("INSERT INTO participant (channel, address, language, created_at, last_seen_at) "
                                + "VALUES ('telegram', ?, NULL, ?, ?)", Long.toString(1_000_000L + i), now, now);
                        db.update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", id, p);
                        // as registering by Telegram records it: without it the chat gets no newsletter (PECR)
                        db.update("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                                + "VALUES (?, 'newsletter-telegram', 1, 'bench', 'telegram', ?)", id, now);
                    }
                }
            });
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void printRss(String when) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                System.out.println(when + ": " + line.replaceAll("\\s+", " "));
            }
        }
    }
}
