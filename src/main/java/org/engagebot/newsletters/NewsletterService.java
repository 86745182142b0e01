package org.engagebot.newsletters;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.OneLanguagePublishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The newsletters feature's public face: compose, schedule or send now, and follow delivery. */
@Singleton
public class NewsletterService {
    private final NewsletterStore store;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<NewsletterScheduler> scheduler;
    private final OneLanguagePublishing oneLanguage;

    NewsletterService(NewsletterStore store, Outbox outbox, AuditLog audit, Clock clock,
                      Optional<NewsletterScheduler> scheduler, OneLanguagePublishing oneLanguage) {
        this.oneLanguage = oneLanguage;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Delivery so far: outbox rows by state (total = sent + failed + pending; pending includes rows not yet
     * released), why rows failed ({@code failedBecause}: bounced = the address went on hold after the row was
     * queued, unsubscribed, erased, other), and contacts skipped before any row was written.
     */
    @Serdeable
    public record Progress(long id, String status, long total, long sent, long failed, long pending,
                           Map<String, Long> failedBecause, long skipped, Map<String, Long> skippedBecause) {
    }

    public enum SendOutcome { SCHEDULED, NOT_FOUND, ALREADY_SENDING, NOT_BILINGUAL }

    static final String KIND = "newsletter";

    /** Records why this newsletter goes in one language ("English only because ..."); a refusal when invalid. */
    public Optional<OneLanguagePublishing.Refusal> declareOneLanguage(long id, OneLanguagePublishing.Fields f, String actor) {
        return oneLanguage.declare(KIND, id, "newsletter:" + id, f, actor);
    }

    /** The reason given for sending it in one language, if any. */
    public Optional<OneLanguagePublishing.Declared> oneLanguageReason(long id) {
        return oneLanguage.declared(KIND, id);
    }

    /** Why it may not be sent yet: one text serves both languages and no reason was given. */
    public Optional<OneLanguagePublishing.Refusal> untranslated(long id) {
        return store.byId(id).flatMap(n -> oneLanguage.refusal(KIND, id, n.body().en().strip().equals(n.body().cy().strip())));
    }

    public long create(Newsletter.Kind kind, Text title, Text body, List<String> tags, Audience audience, String actor) {
        long id = store.insert(kind, title, body, tags, audience == null ? Audience.EVERYONE : audience, actor, clock.instant());
        audit.record(actor, "newsletter.create", "newsletter:" + id, kind.name());
        return id;
    }

    public Optional<Newsletter> byId(long id) {
        return store.byId(id);
    }

    public List<Newsletter> recent(int limit) {
        return store.recent(limit);
    }

    /** Sends at {@code at} (now when null or past); a scheduled newsletter can be rescheduled until it starts. */
    public SendOutcome send(long id, Instant at, String actor) {
        Optional<Newsletter> n = store.byId(id);
        if (n.isEmpty()) {
            return SendOutcome.NOT_FOUND;
        }
        if (untranslated(id).isPresent()) {
            return SendOutcome.NOT_BILINGUAL;
        }
        Instant now = clock.instant();
        Instant when = at == null || at.isBefore(now) ? now : at;
        if (!store.schedule(id, when)) {
            return SendOutcome.ALREADY_SENDING;
        }
        oneLanguage.published(KIND, id);
        audit.record(actor, "newsletter.send", "newsletter:" + id, when.equals(now) ? "now" : "at " + when);
        if (!when.isAfter(now)) {
            scheduler.ifPresent(NewsletterScheduler::kick);
        }
        return SendOutcome.SCHEDULED;
    }

    /** Schedules for now without waking the scheduler: for callers inside a transaction not yet committed. */
    public void sendLater(long id, String actor) {
        if (store.schedule(id, clock.instant())) {
            audit.record(actor, "newsletter.send", "newsletter:" + id, "now");
        }
    }

    public Optional<Progress> progress(long id) {
        return store.byId(id).map(n -> {
            Map<String, Long> counts = outbox.batchCounts(NewsletterEnqueuer.BATCH, id);
            long sent = counts.getOrDefault("SENT", 0L);
            long failed = counts.getOrDefault("FAILED", 0L);
            long pending = counts.getOrDefault("QUEUED", 0L) + counts.getOrDefault("SENDING", 0L)
                    + counts.getOrDefault("HELD", 0L);
            return new Progress(id, n.status().name(), sent + failed + pending, sent, failed, pending,
                    FailureReason.tally(outbox.batchFailures(NewsletterEnqueuer.BATCH, id)),
                    n.skippedOnHold() + n.skippedNoChannel(),
                    Map.of("emailOnHold", n.skippedOnHold(), "noChannel", n.skippedNoChannel()));
        });
    }
}
