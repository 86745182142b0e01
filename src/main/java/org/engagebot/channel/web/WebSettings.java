package org.engagebot.channel.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * engagebot.web.*: min-page-time (a form sent back sooner is taken for a bot), per-ip-per-minute and
 * per-session-per-minute (requests that write), save-mails-per-day (to one address), resume-link-ttl, secret (else one is made and kept in the database),
 * and the public URL the links and the Secure cookie flag follow.
 */
@Singleton
class WebSettings {
    final Duration minPageTime;
    final int perIpPerMinute;
    final int perSessionPerMinute;
    final Duration resumeLinkTtl;
    final String secret;
    final String publicUrl;
    final boolean secureCookie;
    final Duration turnTimeout;
    final int saveMailsPerDay;

    WebSettings(@Value("${engagebot.web.min-page-time:2s}") Duration minPageTime,
                @Value("${engagebot.web.per-ip-per-minute:120}") int perIpPerMinute,
                @Value("${engagebot.web.per-session-per-minute:40}") int perSessionPerMinute,
                @Value("${engagebot.web.resume-link-ttl:14d}") Duration resumeLinkTtl,
                @Nullable @Value("${engagebot.web.secret:}") String secret,
                @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl,
                @Value("${engagebot.web.turn-timeout:10s}") Duration turnTimeout,
                @Value("${engagebot.web.save-mails-per-day:3}") int saveMailsPerDay) {
        this.minPageTime = minPageTime;
        this.perIpPerMinute = perIpPerMinute;
        this.perSessionPerMinute = perSessionPerMinute;
        this.resumeLinkTtl = resumeLinkTtl;
        this.secret = secret;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.secureCookie = publicUrl.startsWith("https:");
        this.turnTimeout = turnTimeout;
        this.saveMailsPerDay = saveMailsPerDay;
    }
}
