package org.engagebot.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.net.URI;

/**
 * Holds an admin who must enrol two-factor ({@link StaffIdentity#MUST_ENROL}) to the enrolment page: console pages
 * redirect there, and the API (whichever credential was used) answers 403 with a JSON message saying what to do;
 * public paths (health, assets, public pages) are not staff functions and are left alone. Runs right after Micronaut's security filter has authenticated the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class TwoFactorGate implements Ordered {
    static final String ENROL_PAGE = "/console/two-factor";
    static final String MESSAGE = "Two-factor sign-in is required for admin accounts: sign in to the console at "
            + ENROL_PAGE + " and set up an authenticator app first; then call the API with a bearer token.";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> hold(HttpRequest<?> request) {
        Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
        if (who == null || !Boolean.TRUE.equals(who.getAttributes().get(StaffIdentity.MUST_ENROL))) {
            return null;
        }
        String path = request.getPath();
        if (path.equals(ENROL_PAGE) || path.equals("/console/logout")) {
            return null;
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            return HttpResponse.seeOther(URI.create(ENROL_PAGE));
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(java.util.Map.of("message", MESSAGE, "enrol", ENROL_PAGE));
    }
}
