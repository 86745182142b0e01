package org.engagebot.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
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
 * Nothing but our static files may be kept by a browser or a proxy ({@code Cache-Control: no-store}): console pages,
 * API answers, form pages and exports hold personal data, and a shared computer's back button or cache must not show
 * them to the next person. With an https public URL, browsers are told to come back only over https (HSTS), so a
 * first visit typed as http cannot be downgraded to leak a cookie or a form.
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

    private final boolean https;

    SecurityHeaders(@Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.https = publicUrl.startsWith("https:");
    }

    @ResponseFilter
    void addTo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        HEADERS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.add(name, value);
            }
        });
        String path = request.getPath();
        if (!path.startsWith("/assets/") && !path.startsWith("/swagger/") && !headers.contains("Cache-Control")) {
            headers.add("Cache-Control", "no-store");
        }
        if (https && !headers.contains("Strict-Transport-Security")) {
            headers.add("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
