package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Applies staff decisions in one transaction: status, history, audit, and the message to the applicant. */
@Singleton
class VisitDecisions {
    private final VisitStore store;
    private final VisitNotifier notifier;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Transactions transactions;
    private final VisitsConfig config;
    private final Clock clock;

    VisitDecisions(VisitStore store, VisitNotifier notifier, AuditLog audit, Outbox outbox,
                   Transactions transactions, VisitsConfig config, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    /** As the console shows times (Tue 4 Mar 2027, 10:30, office time). */
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    private record Applied(VisitService.Decided decided, String channel) {
    }

    VisitService.Decided decide(long id, Decision decision, String actor) {
        Applied applied = transactions.write(() -> apply(id, decision, actor));
        if (applied.channel() != null) {
            outbox.wake(applied.channel());
        }
        return applied.decided();
    }

    private Applied apply(long id, Decision decision, String actor) {
        Optional<VisitApplication> current = store.byId(id);
        if (current.isEmpty()) {
            return new Applied(new VisitService.Decided.NotFound(), null);
        }
        VisitStatus from = current.get().status();
        DecisionRules.Checked checked = DecisionRules.check(from, decision, config.zone(), clock.instant());
        if (checked instanceof DecisionRules.Checked.Refused r) {
            return new Applied(new VisitService.Decided.Refused(r.reason(), r.field(), r.pastDate()), null);
        }
        DecisionRules.Checked.Accepted d = (DecisionRules.Checked.Accepted) checked;
        Instant now = clock.instant();
        store.updateStatus(id, d, now);
        store.recordHistory(id, actor, from, d.to(), historyNote(d, config.zone()), now);
        VisitApplication updated = store.byId(id).orElseThrow();
        Optional<String> channel = notifier.toApplicant(updated);
        audit.record(actor, "visit.decision", "visit:" + id + " " + updated.reference(),
                from.code() + " -> " + d.to().code() + (channel.isPresent() ? ", applicant told on " + channel.get()
                        : ", applicant not reachable"));
        return new Applied(new VisitService.Decided.Done(updated, channel.isPresent()), channel.orElse(null));
    }

    private static String historyNote(DecisionRules.Checked.Accepted d, java.time.ZoneId zone) {
        if (d.to() != VisitStatus.SCHEDULED) {
            return d.note();
        }
        String when = "at " + WHEN.format(d.scheduledAt().atZone(zone)) + ", " + d.place();
        return d.note() == null ? when : when + "; " + d.note();
    }
}
