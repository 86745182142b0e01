package org.engagebot.newsletters;

import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.SettableClock;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;
import static org.engagebot.newsletters.NewsletterDeliveryIT.json;

/**
 * The quarterly reminder with the service's clock set by hand (UK quarters, reminder 60 days in): staff are
 * emailed and the audit log says so once per quarter without a newsletter, never when one went out, and not at
 * all when it is turned off. The scheduler ticks every 200 ms throughout.
 */
class QuarterReminderIT {
    private static final String STAFF = "office@opcc.example";
    private MailHarness mail;
    private TestService service;

    private void start(Instant at, boolean enabled) {
        mail = new MailHarness();
        Map<String, Object> props = new HashMap<>(mail.properties(Map.of("engagebot.test.clock", at.toString(),
                "engagebot.newsletters.staff-email", STAFF, "engagebot.newsletters.poll-interval", "200ms",
                "engagebot.newsletters.reminder-enabled", enabled)));
        service = TestService.start(props);
    }

    @AfterEach
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void staffAreRemindedOnceInAQuarterWithoutANewsletterAndNotInOneWithIt() throws Exception {
        start(Instant.parse("2027-03-10T10:00:00Z"), true);
        SettableClock clock = (SettableClock) service.bean(Clock.class);
        QuarterReminder reminder = service.bean(QuarterReminder.class);
        Db db = service.bean(Db.class);

        awaitTrue(() -> mail.to(STAFF).size() == 1);
        MimeMessage email = mail.to(STAFF).get(0);
        assertThat(email.getSubject()).contains("newsletter");
        assertThat(NewsletterMail.text(email)).contains("2027-Q1");
        for (int i = 0; i < 3; i++) {
            assertThat(reminder.check()).as("already reminded this quarter").isFalse();
        }
        assertThat(reminders(db, "2027-Q1")).isEqualTo(1);

        clock.set(Instant.parse("2027-05-01T10:00:00Z"));
        assertThat(reminder.check()).as("too early in the quarter").isFalse();
        long id = json(service.postJson("/api/newsletters", "{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Q2\", \"body\": \"News\"}")).get("id").asLong();
        assertThat(service.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        awaitTrue(() -> "SENT".equals(json(service.get("/api/newsletters/" + id)).get("status").asText()));
        clock.set(Instant.parse("2027-06-20T10:00:00Z"));
        assertThat(reminder.check()).as("this quarter's newsletter went out").isFalse();
        assertThat(reminders(db, "2027-Q2")).isZero();

        clock.set(Instant.parse("2027-09-05T10:00:00Z"));
        awaitTrue(() -> mail.to(STAFF).size() == 2);
        assertThat(NewsletterMail.text(mail.to(STAFF).get(1))).contains("2027-Q3");
        assertThat(reminder.check()).isFalse();
        assertThat(reminders(db, "2027-Q3")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM newsletter_reminder")).isEqualTo(2);
    }

    @Test
    void turnedOffItRemindsNobody() {
        start(Instant.parse("2027-03-10T10:00:00Z"), false);
        assertThat(service.bean(QuarterReminder.class).check()).isFalse();
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM newsletter_reminder")).isZero();
        assertThat(reminders(db, "2027-Q1")).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE address = ?", STAFF)).isZero();
    }

    private static long reminders(Db db, String quarter) {
        return db.count("SELECT count(*) FROM audit_log WHERE action = 'newsletter.reminder' AND subject = ?", quarter);
    }
}
