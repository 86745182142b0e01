package org.engagebot.staff.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.platform.AuditLog;
import org.engagebot.staff.ClientAddress;
import org.engagebot.staff.PasswordSignIn;
import org.engagebot.staff.StaffAccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out for the console. The password form is protected against login CSRF by a double-submit
 * cookie. Every failure (wrong password, unknown user, locked or throttled) gets the same page and message
 * ({@link PasswordSignIn}). An account with two-factor gets a session that authenticates nothing until its code is
 * given on {@link TwoFactorSignInController}'s page.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    /** The language the sign-in pages last read in, in this browser: chosen there, or by the console's switch. */
    static final String LANG_COOKIE = "engagebot_console_lang";
    private static final String LOGIN_COOKIE = "engagebot_login";
    private final PasswordSignIn signIn;
    private final ConsoleSessions sessions;
    private final SessionCookies cookies;
    private final ClientAddress addresses;
    private final AuditLog audit;

    LoginController(PasswordSignIn signIn, ConsoleSessions sessions, SessionCookies cookies, ClientAddress addresses,
                    AuditLog audit) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookies = cookies;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> form(@Nullable @QueryValue String out, @Nullable @QueryValue String lang,
                                @Nullable @CookieValue(LANG_COOKIE) String remembered) {
        String language = language(lang != null ? lang : remembered);
        MutableHttpResponse<?> page = render(language, out != null ? "login.signed-out" : null, null, null);
        return lang == null ? page : page.cookie(cookies.cookie(LANG_COOKIE, language, "/console", Duration.ofDays(365)));
    }

    static String language(String value) {
        return "cy".equals(value) ? "cy" : "en";
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form,
                                  @Nullable @CookieValue(LOGIN_COOKIE) String expected,
                                  @Nullable @CookieValue(LANG_COOKIE) String remembered) {
        String language = language(remembered);
        String sent = form.get(Csrf.FIELD);
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return render(language, null, "login.expired", null);
        }
        String username = Page.nz(form.get("username"));
        Optional<StaffAccount> account = signIn.check(username, form.get("password"), addresses.of(request), "console");
        if (account.isEmpty()) {
            return render(language, null, "login.failed", username);
        }
        StaffAccount a = account.get();
        String token = sessions.start(a, false, ConsoleSessions.browser(request));
        MutableHttpResponse<?> next;
        if (a.totpEnabled()) {
            next = Page.redirect(TwoFactorSignInController.PATH);
        } else {
            audit.record(a.username(), "staff.sign-in", "console", "password only");
            next = Page.redirect("/console");
        }
        return next.cookie(cookies.session(token)).cookie(cookies.cookie(LOGIN_COOKIE, "", "/console/login", Duration.ZERO));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form, Authentication who) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        sessions.end(SessionCookies.sessionToken(request));
        audit.record(who.getName(), "staff.sign-out", "console", null);
        return Page.redirect("/console/login?out=1").cookie(cookies.endSession());
    }

    /** {@code notice} and {@code error} are keys of the console bundle. */
    private MutableHttpResponse<?> render(String language, String notice, String error, String username) {
        String token = ConsoleSessions.random();
        ConsoleText t = ConsoleText.of(language);
        return HttpResponse.ok(Page.signedOut("login", language, "notice", notice == null ? null : t.m(notice),
                        "error", error == null ? null : t.m(error),
                        "username", username == null ? "" : username, "loginCsrf", token))
                .cookie(cookies.cookie(LOGIN_COOKIE, token, "/console/login", Duration.ofHours(1)));
    }
}
