package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.channel.FloodGuard;

import java.time.Clock;

/**
 * Requests that write (a form sent, a flow started, a session made) counted per IP address and per web session over
 * the last minute, in memory, with the inbound flood guard's counter. Past either limit a person gets a "slow down"
 * page; the inbound flood guard still applies behind it.
 */
@Singleton
class WebLimits {
    private final FloodGuard perIp = new FloodGuard(50_000);
    private final FloodGuard perSession = new FloodGuard(100_000);
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
}
