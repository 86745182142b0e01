package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Synchronizer-token CSRF check: every console form carries the session's token in a hidden "csrf" field (or
 * the console's scripts send it as X-CSRF-Token). A POST whose token does not match is refused with 403.
 */
final class Csrf {
    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    static boolean valid(Authentication who, String sent) {
        Object expected = who == null ? null : who.getAttributes().get(SessionAuthenticationFetcher.CSRF);
        return matches(expected == null ? null : expected.toString(), sent);
    }

    static boolean matches(String expected, String sent) {
        return expected != null && sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    static boolean valid(Authentication who, Map<String, String> form) {
        return valid(who, form == null ? null : form.get(FIELD));
    }

    static String token(Authentication who) {
        Object t = who == null ? null : who.getAttributes().get(SessionAuthenticationFetcher.CSRF);
        return t == null ? "" : t.toString();
    }

    static MutableHttpResponse<String> refused() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8")
                .body("<!doctype html><html lang=\"en\"><head><title>Form expired</title></head><body><main><h1>Form expired"
                        + "</h1><p>This form was refused because its security token was missing or out of date. Go back, "
                        + "reload the page and try again.</p></main></body></html>");
    }
}
