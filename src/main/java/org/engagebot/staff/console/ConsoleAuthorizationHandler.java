package org.engagebot.staff.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * A console page asked for without a session goes to the sign-in form; a staff member opening an admin page
 * gets a plain 403 page. Only the API (/api) and the staff-only management endpoints (/prometheus, /metrics,
 * /health/…) keep Micronaut's answers, 401 with a Basic challenge and 403, for API clients and scrapers; the bare address opens the console, and any other path refused is "not found", so no browser
 * ever shows a Basic password box.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class ConsoleAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    ConsoleAuthorizationHandler(ErrorResponseProcessor<?> errors, RedirectConfiguration redirect, RedirectService redirects,
                                List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                                @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirect, redirects, challenges, priorToLogin);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        String path = request.getPath();
        if (forApiClients(path)) {
            return super.handle(request, exception);
        }
        if (path.equals("/") || path.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/console"));
        }
        if (!(path.equals("/console") || path.startsWith("/console/"))) {
            // Not a staff page (e.g. /favicon.ico, a mistyped address): not found, and no password box. Not a redirect
            // to the sign-in form either: a browser fetching its favicon would get a new sign-in cookie, and the form
            // already on screen would then be refused as expired.
            return HttpResponse.status(HttpStatus.NOT_FOUND).contentType("text/html; charset=utf-8")
                    .body("<!doctype html><html lang=\"en\"><head><title>Not found</title></head><body><main>"
                            + "<h1>Not found</h1><p>There is no page at this address.</p><p><a href=\"/console\">Open the "
                            + "staff console</a></p></main></body></html>");
        }
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8")
                    .body("<!doctype html><html lang=\"en\"><head><title>Not allowed</title></head><body><main>"
                            + "<h1>Not allowed</h1><p>This page is for admins only.</p><p><a href=\"/console\">Back to the "
                            + "dashboard</a></p></main></body></html>");
        }
        return HttpResponse.seeOther(URI.create("/console/login"));
    }

    private static boolean forApiClients(String path) {
        for (String prefix : new String[]{"/api", "/prometheus", "/metrics", "/health"}) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
