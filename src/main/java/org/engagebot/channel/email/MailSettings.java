package org.engagebot.channel.email;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * engagebot.mail.*: imap.* (no host = email in off), smtp.* (no host = email out off), address (the bot's
 * mailbox), poll-interval, rate (bulk messages a second), max-replies-per-day (RFC 3834 limit per address),
 * enabled (false turns email off entirely, as chat mode does), dev-server (an embedded GreenMail on
 * localhost when no host is configured), max-size (largest message taken in; larger ones are quarantined
 * unread), flood-per-hour / flood-per-domain-per-hour (then quarantined, not answered), imap.fetch-size (the
 * block a message body is streamed in), health-cycles (poll intervals without a completed cycle before /health
 * says DOWN), max-failures (tries before a message that keeps failing is quarantined).
 */
@Singleton
class MailSettings {
    record Server(String host, int port, String username, String password, boolean secure) {
    }

    final boolean enabled;
    final boolean devServer;
    final String address;
    final Server imap;
    final Server smtp;
    final Duration pollInterval;
    final double rate;
    final int maxRepliesPerDay;
    final int poolSize;
    final int recycleAfter;
    final Duration timeout;
    final long maxSize;
    final int floodPerHour;
    final int floodPerDomainPerHour;
    final int fetchSize;
    final int healthCycles;
    final int maxFailures;

    MailSettings(@Value("${engagebot.mail.enabled:true}") boolean enabled,
                 @Value("${engagebot.mail.dev-server:false}") boolean devServer,
                 @Nullable @Value("${engagebot.mail.address:}") String address,
                 @Nullable @Value("${engagebot.mail.imap.host:}") String imapHost,
                 @Value("${engagebot.mail.imap.port:993}") int imapPort,
                 @Nullable @Value("${engagebot.mail.imap.username:}") String imapUser,
                 @Nullable @Value("${engagebot.mail.imap.password:}") String imapPassword,
                 @Value("${engagebot.mail.imap.ssl:true}") boolean imapSsl,
                 @Nullable @Value("${engagebot.mail.smtp.host:}") String smtpHost,
                 @Value("${engagebot.mail.smtp.port:587}") int smtpPort,
                 @Nullable @Value("${engagebot.mail.smtp.username:}") String smtpUser,
                 @Nullable @Value("${engagebot.mail.smtp.password:}") String smtpPassword,
                 @Value("${engagebot.mail.smtp.starttls:true}") boolean starttls,
                 @Value("${engagebot.mail.poll-interval:30s}") Duration pollInterval,
                 @Value("${engagebot.mail.rate:50}") double rate,
                 @Value("${engagebot.mail.max-replies-per-day:5}") int maxRepliesPerDay,
                 @Value("${engagebot.mail.smtp.pool-size:3}") int poolSize,
                 @Value("${engagebot.mail.smtp.recycle-after:500}") int recycleAfter,
                 @Value("${engagebot.mail.timeout:20s}") Duration timeout,
                 @ReadableBytes @Value("${engagebot.mail.max-size:25MB}") long maxSize,
                 @Value("${engagebot.mail.flood-per-hour:30}") int floodPerHour,
                 @Value("${engagebot.mail.flood-per-domain-per-hour:600}") int floodPerDomainPerHour,
                 @ReadableBytes @Value("${engagebot.mail.imap.fetch-size:1MB}") int fetchSize,
                 @Value("${engagebot.mail.health-cycles:5}") int healthCycles,
                 @Value("${engagebot.mail.max-failures:3}") int maxFailures) {
        this.enabled = enabled;
        this.devServer = devServer;
        this.address = blank(address) ? "engage@localhost" : address.strip().toLowerCase(Locale.ROOT);
        this.imap = blank(imapHost) ? null : new Server(imapHost, imapPort, orElse(imapUser, this.address),
                imapPassword, imapSsl);
        this.smtp = blank(smtpHost) ? null : new Server(smtpHost, smtpPort, smtpUser, smtpPassword, starttls);
        this.pollInterval = pollInterval;
        this.rate = rate;
        this.maxRepliesPerDay = maxRepliesPerDay;
        this.poolSize = Math.max(1, poolSize);
        this.recycleAfter = Math.max(1, recycleAfter);
        this.timeout = timeout;
        this.maxSize = Math.max(1024, maxSize);
        this.floodPerHour = floodPerHour;
        this.floodPerDomainPerHour = floodPerDomainPerHour;
        this.fetchSize = Math.max(16 * 1024, fetchSize);
        this.healthCycles = Math.max(1, healthCycles);
        this.maxFailures = Math.max(1, maxFailures);
    }

    /** True when the embedded dev server should stand in for both servers. */
    boolean useDevServer() {
        return enabled && devServer && imap == null && smtp == null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orElse(String s, String fallback) {
        return blank(s) ? fallback : s;
    }
}
