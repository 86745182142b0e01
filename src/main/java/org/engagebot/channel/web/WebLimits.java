package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.channel.FloodGuard;

import java.time.Clock;

/**
 * Requests that write (a form sent, a flow started, a session made) counted per IP address and per web session over
 * the last minute, in memory, with the inbound flood guard's counter. Past either limit a person gets a "slow down"
 * page; the inbound flood guard still applies behind it. Also the "save and come back later" mails to one address
 * in a day: the address is typed, not proven, so without a cap anyone could have the office mail a stranger over and
 * over from as many sessions as they like.
 */
@Singleton
class WebLimits {
    private final FloodGuard perIp = new FloodGuard(50_000);
    private final FloodGuard perSession = new FloodGuard(100_000);
    private final FloodGuard saveMails = new FloodGuard(50_000, java.time.Duration.ofDays(1), 100);
    private final WebSettings settings;
    private final Clock clock;

    WebLimits(WebSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one request; false when this IP or this session is over its limit. */
    boolean allow(String ip, String sessionKey) {
        long now = clock.millis();
        boolean ipOk = perIp.record(ip == null ? "?" : ip, now) <= settings.perIpPerMinute;
        boolean sessionOk = sessionKey == null || perSession.record(sessionKey, now) <= settings.perSessionPerMinute;
        return ipOk && sessionOk;
    }

    /** Counts one save mail to {@code address}; false when that address has had its day's share. */
    boolean allowSaveMail(String address) {
        return saveMails.record(address.toLowerCase(java.util.Locale.ROOT), clock.millis()) <= settings.saveMailsPerDay;
    }
}
