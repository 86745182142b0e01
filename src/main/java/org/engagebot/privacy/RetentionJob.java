package org.engagebot.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.conversation.SessionStore;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.OneInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the retention periods ({@link RetentionSettings}) once a day and logs counts only. Each rule of its own
 * commits in chunks of a few hundred rows ({@link Chunks}), so the inbound path never waits behind a whole rule;
 * every rule is idempotent, so a failure or crash leaves the chunks before it applied and the next run finishes.
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final String BLANK = "{\"text\":\"\"}";

    private final Chunks chunks;
    private final SessionStore sessions;
    private final RetentionSettings settings;
    private final ExportLinks links;
    private final GoodbyeScrubber scrubber;
    private final List<RetentionHook> hooks;
    private final Clock clock;
    private final Duration idleTimeout;

    RetentionJob(Chunks chunks, SessionStore sessions, RetentionSettings settings, ExportLinks links, GoodbyeScrubber scrubber,
                 List<RetentionHook> hooks, Clock clock,
                 @Value("${engagebot.session.idle-timeout:14d}") Duration idleTimeout) {
        this.chunks = chunks;
        this.sessions = sessions;
        this.settings = settings;
        this.links = links;
        this.scrubber = scrubber;
        this.hooks = hooks;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.retention.interval:24h}", initialDelay = "${engagebot.retention.initial-delay:10m}")
    void scheduled() {
        runOnce();
    }

    /** Applies every rule now; returns rows changed per rule. */
    public Map<String, Integer> runOnce() {
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String oldRaw = "received_at < ? AND status <> 'RECEIVED' AND (raw IS NOT NULL OR body IS NOT NULL)";
        counts.put("raw-inbound", chunks.byId("SELECT id FROM inbox WHERE " + oldRaw + " AND id > ? ORDER BY id LIMIT ?",
                "UPDATE inbox SET raw = NULL, body = NULL WHERE " + oldRaw + " AND id IN ({ids})",
                now.minus(settings.rawInbound())));
        counts.put("expired-sessions", sessions.deleteIdleSince(now.minus(idleTimeout).minus(settings.expiredSessions())));
        Instant sentCutoff = now.minus(settings.outboxSent());
        String oldSent = "status IN ('SENT', 'FAILED') AND COALESCE(sent_at, created_at) < ?";
        counts.put("outbox-sent", chunks.byId("SELECT id FROM outbox WHERE " + oldSent + " AND batch_type IS NULL "
                        + "AND id > ? ORDER BY id LIMIT ?",
                "DELETE FROM outbox WHERE " + oldSent + " AND batch_type IS NULL AND id IN ({ids})", sentCutoff)
                + chunks.byId("SELECT id FROM outbox WHERE " + oldSent + " AND batch_type IS NOT NULL AND address <> 'expired' "
                        + "AND id > ? ORDER BY id LIMIT ?", List.of(sentCutoff), "UPDATE outbox SET address = 'expired', "
                        + "payload = ? WHERE " + oldSent + " AND batch_type IS NOT NULL AND id IN ({ids})", BLANK, sentCutoff));
        String heldLong = "email_on_hold = 1 AND updated_at < ?";
        counts.put("bounced-addresses", chunks.byId("SELECT id FROM contact WHERE " + heldLong + " AND id > ? ORDER BY id "
                        + "LIMIT ?", List.of(now.minus(settings.bouncedAddresses())), "UPDATE contact SET email = NULL, "
                        + "email_on_hold = 0, updated_at = ? WHERE " + heldLong + " AND id IN ({ids})",
                now, now.minus(settings.bouncedAddresses())));
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
