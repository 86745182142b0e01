package org.engagebot.platform;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Browser hardening headers on every response (staff console, public pages, API), unless the response set its own.
 * Scripts only from our own files (the console has no inline script); styles may be inline because the console's
 * bar charts, the newsletter previews (srcdoc frames inherit this policy) and the public pages use style attributes
 * and blocks. No page may be framed by another site. Referrers stay within the site ("no-referrer" would make
 * browsers send {@code Origin: null} with form posts, which Micronaut's CORS filter refuses on a localhost
 * server). Runs first, so it also marks responses that other filters (security) answer themselves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    @ResponseFilter
    void addTo(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        HEADERS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.add(name, value);
            }
        });
    }
}
