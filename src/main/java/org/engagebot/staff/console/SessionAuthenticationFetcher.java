package org.engagebot.staff.console;

import io.micronaut.core.async.publisher.Publishers;
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
import org.engagebot.staff.StaffIdentity;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Session cookie authentication for the console. The cookie counts on /console/** and, for the console's own
 * polling, on safe (GET/HEAD) calls under /api; state-changing /api calls still need Basic or a bearer token, so a
 * forged cross-site request can never ride on the cookie (which is SameSite=Strict as well). On every request the
 * account is read again: a session whose account was reset, locked or deactivated since (its auth epoch moved on)
 * is ended, and a session still waiting for its second factor authenticates nothing. The session's CSRF token
 * travels in the authentication's attributes.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String CSRF = "csrf";
    static final String LANG = "consoleLanguage";
    private final ConsoleSessions sessions;
    private final StaffAccounts accounts;
    private final StaffIdentity identity;
    private final ExecutorService blocking;
    private final ConsolePreferences preferences;

    SessionAuthenticationFetcher(ConsoleSessions sessions, StaffAccounts accounts, StaffIdentity identity,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking, ConsolePreferences preferences) {
        this.preferences = preferences;
        this.sessions = sessions;
        this.accounts = accounts;
        this.identity = identity;
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
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> sessions.find(token, ConsoleSessions.browser(request))
                .flatMap(s -> live(s).filter(a -> s.mfa() || !a.totpEnabled())
                        .map(a -> identity.of(a, s.mfa(), Map.of(CSRF, s.csrf(), LANG, preferences.language(a.username())))))
                .orElse(null), blocking));
    }

    /** The session's account if the session is still good for it; a session that is not is ended. */
    Optional<StaffAccount> live(ConsoleSessions.Session s) {
        Optional<StaffAccount> account = accounts.current(s.username(), s.epoch());
        if (account.isEmpty()) {
            sessions.end(s.token());
        }
        return account;
    }
}
