package org.engagebot.staff.console;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Session cookie authentication for the console. The cookie counts on /console/** and, for the console's own
 * polling, on safe (GET/HEAD) calls under /api; state-changing /api calls still need HTTP Basic, so a forged
 * cross-site request can never ride on the cookie (which is SameSite=Strict as well). The session's CSRF token
 * travels in the authentication's attributes.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String CSRF = "csrf";
    private final ConsoleSessions sessions;
    private final StaffAccounts accounts;
    private final ExecutorService blocking;

    SessionAuthenticationFetcher(ConsoleSessions sessions, StaffAccounts accounts,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String path = request.getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        boolean safeApi = path.startsWith("/api/") && (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD);
        String token = request.getCookies().findCookie(ConsoleSessions.COOKIE).map(Cookie::getValue).orElse(null);
        if ((!console && !safeApi) || token == null) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> sessions.find(token)
                .flatMap(s -> accounts.find(s.username()).map(a -> authentication(a, s.csrf())))
                .orElse(null), blocking));
    }

    static Authentication authentication(StaffAccount a, String csrf) {
        List<String> roles = a.role().equals(StaffAccount.ADMIN) ? List.of(StaffAccount.ADMIN, StaffAccount.STAFF)
                : List.of(StaffAccount.STAFF);
        return Authentication.build(a.username(), roles, Map.of(CSRF, csrf));
    }
}
