package org.engagebot.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.conversation.SessionStore;
import org.engagebot.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the retention periods ({@link RetentionSettings}) once a day and logs counts only. Each rule is one
 * statement in autocommit, so a failure leaves the earlier rules applied and the next run retries.
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final String BLANK = "{\"text\":\"\"}";

    private final Db db;
    private final SessionStore sessions;
    private final RetentionSettings settings;
    private final ExportLinks links;
    private final GoodbyeScrubber scrubber;
    private final List<RetentionHook> hooks;
    private final Clock clock;
    private final Duration idleTimeout;

    RetentionJob(Db db, SessionStore sessions, RetentionSettings settings, ExportLinks links, GoodbyeScrubber scrubber,
                 List<RetentionHook> hooks, Clock clock,
                 @Value("${engagebot.session.idle-timeout:14d}") Duration idleTimeout) {
        this.db = db;
        this.sessions = sessions;
        this.settings = settings;
        this.links = links;
        this.scrubber = scrubber;
        this.hooks = hooks;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @Scheduled(fixedDelay = "${engagebot.retention.interval:24h}", initialDelay = "${engagebot.retention.initial-delay:10m}")
    void scheduled() {
        runOnce();
    }

    /** Applies every rule now; returns rows changed per rule. */
    public Map<String, Integer> runOnce() {
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("raw-inbound", db.update("UPDATE inbox SET raw = NULL, body = NULL WHERE received_at < ? "
                + "AND status <> 'RECEIVED' AND (raw IS NOT NULL OR body IS NOT NULL)", now.minus(settings.rawInbound())));
        counts.put("expired-sessions", sessions.deleteIdleSince(now.minus(idleTimeout).minus(settings.expiredSessions())));
        Instant sentCutoff = now.minus(settings.outboxSent());
        counts.put("outbox-sent", db.update("DELETE FROM outbox WHERE status IN ('SENT', 'FAILED') AND batch_type IS NULL "
                + "AND COALESCE(sent_at, created_at) < ?", sentCutoff)
                + db.update("UPDATE outbox SET address = 'expired', payload = ? WHERE status IN ('SENT', 'FAILED') "
                + "AND batch_type IS NOT NULL AND address <> 'expired' AND COALESCE(sent_at, created_at) < ?", BLANK, sentCutoff));
        counts.put("bounced-addresses", db.update("UPDATE contact SET email = NULL, email_on_hold = 0, updated_at = ? "
                + "WHERE email_on_hold = 1 AND updated_at < ?", now, now.minus(settings.bouncedAddresses())));
        Instant closedCutoff = now.minus(settings.closedCases());
        for (RetentionHook hook : hooks) {
            counts.put("closed-cases:" + hook.name(), hook.purgeClosedBefore(closedCutoff));
        }
        counts.put("export-links", links.deleteExpired());
        counts.put("goodbyes-scrubbed", scrubber.scrub());
        LOG.info("Retention applied: {}", counts);
        return counts;
    }
}
