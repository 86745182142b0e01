package org.engagebot.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.MessageRetention;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.SessionStore;
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
 * Applies the retention periods ({@link RetentionSettings}) once a day and logs counts only. Privacy sets the
 * periods; each table's owner applies its rule (messages: {@link MessageRetention}, held addresses: contacts, closed
 * cases: each feature's {@link RetentionHook}). Each rule commits in chunks of a few hundred rows, so the inbound path
 * never waits behind a whole rule; every rule is idempotent, so a failure or crash leaves the chunks before it
 * applied and the next run finishes.
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final MessageRetention messages;
    private final ContactService contacts;
    private final SessionStore sessions;
    private final RetentionSettings settings;
    private final ExportLinks links;
    private final GoodbyeScrubber scrubber;
    private final List<RetentionHook> hooks;
    private final Clock clock;
    private final Duration idleTimeout;

    RetentionJob(MessageRetention messages, ContactService contacts, SessionStore sessions, RetentionSettings settings,
                 ExportLinks links, GoodbyeScrubber scrubber, List<RetentionHook> hooks, Clock clock,
                 @Value("${engagebot.session.idle-timeout:14d}") Duration idleTimeout) {
        this.messages = messages;
        this.contacts = contacts;
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
        counts.put("raw-inbound", messages.blankInboundBefore(now.minus(settings.rawInbound())));
        counts.put("expired-sessions", sessions.deleteIdleSince(now.minus(idleTimeout).minus(settings.expiredSessions())));
        counts.put("outbox-sent", messages.purgeFinishedBefore(now.minus(settings.outboxSent())));
        counts.put("bounced-addresses", contacts.dropEmailsHeldBefore(now.minus(settings.bouncedAddresses())));
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
