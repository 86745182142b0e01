package org.engagebot.staff.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.platform.AuditLog;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.staff.TwoFactor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of console sign-in for an account with two-factor: a 6-digit code from the authenticator app or
 * a recovery code. Only a session that passed the password within the last five minutes and still waits for its
 * code may use this page; a right code replaces the session with a new one that counts as signed in.
 */
@Controller(TwoFactorSignInController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TwoFactorSignInController {
    static final String PATH = "/console/login/code";
    private static final Duration PENDING_FOR = Duration.ofMinutes(5);
    private final ConsoleSessions sessions;
    private final StaffAccounts accounts;
    private final TwoFactor twoFactor;
    private final SessionCookies cookies;
    private final AuditLog audit;
    private final Clock clock;
    private final ConsolePreferences preferences;

    TwoFactorSignInController(ConsoleSessions sessions, StaffAccounts accounts, TwoFactor twoFactor, SessionCookies cookies,
                              AuditLog audit, Clock clock, ConsolePreferences preferences) {
        this.preferences = preferences;
        this.sessions = sessions;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.cookies = cookies;
        this.audit = audit;
        this.clock = clock;
    }

    private record Pending(ConsoleSessions.Session session, StaffAccount account) {
    }

    @Get
    MutableHttpResponse<?> form(HttpRequest<?> request) {
        return pending(request).<MutableHttpResponse<?>>map(p -> render(p, null)).orElseGet(() -> Page.redirect("/console/login"));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> check(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return Page.redirect("/console/login");
        }
        Pending p = pending.get();
        if (!Csrf.matches(p.session().csrf(), form.get(Csrf.FIELD))) {
            return Csrf.refused();
        }
        if (!twoFactor.verify(p.account(), form.get("code"), "console")) {
            return render(p, "login-code.failed");
        }
        String token = sessions.upgrade(p.session(), p.account());
        audit.record(p.account().username(), "staff.sign-in", "console", "with two-factor");
        return Page.redirect("/console").cookie(cookies.session(token));
    }

    private Optional<Pending> pending(HttpRequest<?> request) {
        return sessions.find(SessionCookies.sessionToken(request), ConsoleSessions.browser(request))
                .filter(s -> !s.mfa() && s.createdAt().plus(PENDING_FOR).isAfter(clock.instant()))
                .flatMap(s -> accounts.current(s.username(), s.epoch()).filter(StaffAccount::totpEnabled).map(a -> new Pending(s, a)));
    }

    /** In the language the person chose for the console; {@code error} is a key of the console bundle. */
    private MutableHttpResponse<?> render(Pending p, String error) {
        String lang = preferences.language(p.account().username());
        return HttpResponse.ok(Page.signedOut("login-code", lang, "error", error == null ? null : ConsoleText.of(lang).m(error),
                "loginCsrf", p.session().csrf()));
    }
}
