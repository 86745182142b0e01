package org.engagebot.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The source address a sign-in attempt is counted against. By default the TCP peer: a client can put anything in
 * X-Forwarded-For, so it is ignored (Micronaut's own resolver would believe it). Behind a reverse proxy set
 * {@code engagebot.staff.trust-forwarded-for=true}: then the right-most X-Forwarded-For entry counts, the one the
 * proxy itself appended; entries to its left came from the client and are ignored.
 */
@Singleton
public class ClientAddress {
    private final boolean trustForwardedFor;

    ClientAddress(@Value("${engagebot.staff.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpRequest<?> request) {
        if (trustForwardedFor) {
            String forwarded = String.join(",", request.getHeaders().getAll("X-Forwarded-For"));
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }
}
