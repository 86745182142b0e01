package org.engagebot.newsletters;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Once per quarter (UK time), when no newsletter has started sending by {@code engagebot.newsletters.reminder-after}
 * into the quarter, tells staff: an email to {@code engagebot.newsletters.staff-email} when set, and always an
 * audit log entry. Broadcasts do not count as the quarter's newsletter. {@code engagebot.newsletters.reminder-enabled:
 * false} turns it off. The reminder, its email and its audit entry are one transaction.
 */
@Singleton
class QuarterReminder {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final NewsletterStore store;
    private final Db db;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Messages messages;
    private final Transactions tx;
    private final Clock clock;
    private final boolean enabled;
    private final Duration after;
    private final String staffEmail;

    QuarterReminder(NewsletterStore store, Db db, Outbox outbox, AuditLog audit, Messages messages, Transactions tx,
                    Clock clock, @Value("${engagebot.newsletters.reminder-enabled:true}") boolean enabled,
                    @Value("${engagebot.newsletters.reminder-after:60d}") Duration after,
                    @Nullable @Value("${engagebot.newsletters.staff-email:}") String staffEmail) {
        this.store = store;
        this.db = db;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.after = after;
        this.staffEmail = staffEmail == null || staffEmail.isBlank() ? null : staffEmail.strip().toLowerCase();
    }

    /** Returns true when it sent (or logged) a reminder now. */
    synchronized boolean check() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, UK);
        LocalDate start = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        Instant quarterStart = start.atStartOfDay(UK).toInstant();
        if (!enabled || now.isBefore(quarterStart.plus(after))) {
            return false;
        }
        String quarter = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        if (store.startedSince(Newsletter.Kind.NEWSLETTER, quarterStart) > 0) {
            return false;
        }
        boolean reminded = tx.write(() -> {
            if (db.update("INSERT INTO newsletter_reminder (quarter, sent_at) VALUES (?, ?) ON CONFLICT (quarter) DO NOTHING",
                    quarter, now) == 0) {
                return false;
            }
            remind(quarter, Duration.between(quarterStart, now).toDays());
            return true;
        });
        if (reminded && staffEmail != null) {
            outbox.wake("email");
        }
        return reminded;
    }

    private void remind(String quarter, long days) {
        if (staffEmail != null) {
            Text body = messages.get("newsletters.reminder.body", quarter, days);
            Text subject = messages.get("newsletters.reminder.subject");
            outbox.enqueueReply("email", staffEmail, OutboundMessage.text(body.in(null)).withSubject(subject.label(null)));
        }
        audit.record("system", "newsletter.reminder", quarter, staffEmail == null ? "no staff email configured" : "emailed staff");
    }
}
