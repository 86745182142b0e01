package org.engagebot.staff.console;

import io.micronaut.context.annotation.Value;
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
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.engagebot.staff.AuditLog;
import org.engagebot.staff.StaffAccounts;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Sign-in and sign-out for the console. The sign-in form is protected against login CSRF by a double-submit
 * cookie; a locked account (too many wrong passwords, see {@link StaffAccounts#verify}) is told so plainly.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    private static final String LOGIN_COOKIE = "engagebot_login";
    private final StaffAccounts accounts;
    private final ConsoleSessions sessions;
    private final AuditLog audit;
    private final boolean secure;

    LoginController(StaffAccounts accounts, ConsoleSessions sessions, AuditLog audit,
                    @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.secure = publicUrl.startsWith("https:");
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> form(@Nullable @io.micronaut.http.annotation.QueryValue String out) {
        return render(out != null ? "You have signed out." : null, null, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> signIn(@Body Map<String, String> form, @Nullable @CookieValue(LOGIN_COOKIE) String expected) {
        String sent = form.get(Csrf.FIELD);
        if (expected == null || sent == null || !java.security.MessageDigest.isEqual(expected.getBytes(), sent.getBytes())) {
            return render(null, "The sign-in form expired. Please try again.", null);
        }
        String username = Page.nz(form.get("username"));
        StaffAccounts.Verdict verdict = accounts.verify(username, form.get("password"));
        if (verdict instanceof StaffAccounts.Verdict.Accepted ok) {
            String token = sessions.start(ok.account().username());
            audit.record(ok.account().username(), "staff.sign-in", "console", null);
            return Page.redirect("/console").cookie(cookie(ConsoleSessions.COOKIE, token, "/", null))
                    .cookie(cookie(LOGIN_COOKIE, "", "/console/login", Duration.ZERO));
        }
        if (verdict instanceof StaffAccounts.Verdict.Locked locked) {
            audit.record(username, "staff.sign-in-locked", "console", null);
            String until = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/London")).format(locked.until());
            return render(null, "This account is locked after too many wrong passwords. Try again after " + until
                    + " (UK time), or ask an admin to reset your password.", username);
        }
        return render(null, "Wrong username or password.", username);
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form,
                                   io.micronaut.security.authentication.Authentication who) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        sessions.end(request.getCookies().findCookie(ConsoleSessions.COOKIE).map(Cookie::getValue).orElse(null));
        audit.record(who.getName(), "staff.sign-out", "console", null);
        return Page.redirect("/console/login?out=1").cookie(cookie(ConsoleSessions.COOKIE, "", "/", Duration.ZERO));
    }

    private MutableHttpResponse<?> render(String notice, String error, String username) {
        String token = ConsoleSessions.random();
        ModelAndView<Map<String, Object>> page = Page.of("login", null, "login", "notice", notice, "error", error,
                "username", username == null ? "" : username, "loginCsrf", token);
        return HttpResponse.ok(page).cookie(cookie(LOGIN_COOKIE, token, "/console/login", Duration.ofHours(1)));
    }

    private Cookie cookie(String name, String value, String path, Duration maxAge) {
        Cookie c = Cookie.of(name, value).path(path).httpOnly(true).secure(secure).sameSite(SameSite.Strict);
        return maxAge == null ? c : c.maxAge(maxAge);
    }
}
