package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.FloodGuard;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The email flood limit: at most engagebot.mail.flood-per-hour messages an hour from one address and
 * flood-per-domain-per-hour from one domain (0 turns either off); past it a message is quarantined, not answered.
 * Counted in memory over a sliding hour, as the chat flood guard does. The caller leaves delivery reports out.
 */
@Singleton
class MailFlood {
    private static final Duration HOUR = Duration.ofHours(1);

    private final int perSender;
    private final int perDomain;
    private final FloodGuard senders;
    private final FloodGuard domains;
    private final Clock clock;

    MailFlood(MailSettings settings, Clock clock) {
        this.perSender = settings.floodPerHour;
        this.perDomain = settings.floodPerDomainPerHour;
        this.senders = new FloodGuard(100_000, HOUR, perSender + 1);
        this.domains = new FloodGuard(20_000, HOUR, perDomain + 1);
        this.clock = clock;
    }

    /** Counts one message from {@code from}; the quarantine reason when that sender or its domain is over the limit. */
    Optional<String> check(String from) {
        String address = from.toLowerCase(Locale.ROOT);
        long now = clock.millis();
        boolean senderOver = perSender > 0 && senders.record(address, now) > perSender;
        String domain = address.substring(address.lastIndexOf('@') + 1);
        boolean domainOver = perDomain > 0 && !domain.isEmpty() && domains.record(domain, now) > perDomain;
        if (senderOver) {
            return Optional.of("flood: more than " + perSender + " messages in an hour from this sender");
        }
        if (domainOver) {
            return Optional.of("flood: more than " + perDomain + " messages in an hour from this sender's domain");
        }
        return Optional.empty();
    }
}
