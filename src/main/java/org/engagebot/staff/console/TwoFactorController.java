package org.engagebot.staff.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.staff.ApiTokens;
import org.engagebot.platform.AuditLog;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.staff.StaffIdentity;
import org.engagebot.staff.TwoFactor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in member's own sign-in security: set up two-factor (key as base32, otpauth URI and a QR code drawn
 * on the server; confirmed by a first code; ten recovery codes shown once), replace recovery codes, and mint an
 * API token for herself (shown once). An admin who must enrol is held on this page ({@code TwoFactorGate}).
 */
@Controller("/console/two-factor")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TwoFactorController {
    private final StaffAccounts accounts;
    private final TwoFactor twoFactor;
    private final ApiTokens tokens;
    private final StaffIdentity identity;
    private final ConsoleSessions sessions;
    private final SessionCookies cookies;
    private final AuditLog audit;

    TwoFactorController(StaffAccounts accounts, TwoFactor twoFactor, ApiTokens tokens, StaffIdentity identity,
                        ConsoleSessions sessions, SessionCookies cookies, AuditLog audit) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.tokens = tokens;
        this.identity = identity;
        this.sessions = sessions;
        this.cookies = cookies;
        this.audit = audit;
    }

    @Get
    MutableHttpResponse<?> page(Authentication who) {
        return HttpResponse.ok(render(who, account(who), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> act(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        StaffAccount a = account(who);
        String code = form.getOrDefault("code", "");
        switch (form.getOrDefault("action", "")) {
            case "confirm" -> {
                Optional<List<String>> codes = a.totpEnabled() ? Optional.empty() : twoFactor.confirm(a, code);
                if (codes.isEmpty()) {
                    return HttpResponse.ok(render(who, a, Map.of("error", Page.text(who).m("two-factor.problem.enrol-code"))));
                }
                StaffAccount enrolled = account(who);
                String token = sessions.find(SessionCookies.sessionToken(request), ConsoleSessions.browser(request))
                        .map(s -> sessions.upgrade(s, enrolled)).orElse(null);
                MutableHttpResponse<?> shown = HttpResponse.ok(render(who, enrolled, Map.of("recoveryCodes", codes.get())));
                return token == null ? shown : shown.cookie(cookies.session(token));
            }
            case "recovery-codes" -> {
                if (!a.totpEnabled() || !twoFactor.verify(a, code, "console")) {
                    return HttpResponse.ok(render(who, a, Map.of("error", Page.text(who).m("two-factor.problem.code"))));
                }
                return HttpResponse.ok(render(who, a, Map.of("recoveryCodes", twoFactor.newRecoveryCodes(a))));
            }
            case "token" -> {
                return HttpResponse.ok(render(who, a, mint(who, a, form)));
            }
            default -> {
                return HttpResponse.ok(render(who, a, Map.of()));
            }
        }
    }

    private Map<String, Object> mint(Authentication who, StaffAccount a, Map<String, String> form) {
        if (identity.mustEnrol(a)) {
            return Map.of("error", Page.text(who).m("two-factor.problem.enrol-first"));
        }
        long maxDays = tokens.maxTtl().toDays();
        String label = Page.nz(form.get("label")).isEmpty() ? "console" : Page.nz(form.get("label"));
        int days;
        try {
            days = Integer.parseInt(Page.nz(form.getOrDefault("days", String.valueOf(maxDays))));
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > maxDays) {
            return Map.of("error", Page.text(who).f("two-factor.problem.days", maxDays), "bad", "days",
                    "label", label, "days", Page.nz(form.get("days")));
        }
        ApiTokens.Issued issued = tokens.issue(a, label, Duration.ofDays(days), StaffIdentity.mfa(who));
        audit.record(a.username(), "api-token.issue", "token " + issued.id(), label + ", expires " + issued.expiresAt() + ", console");
        return Map.of("newToken", issued);
    }

    private StaffAccount account(Authentication who) {
        return accounts.find(who.getName()).orElseThrow();
    }

    private Object render(Authentication who, StaffAccount a, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("enrolled", a.totpEnabled());
        model.put("mustEnrol", identity.mustEnrol(a));
        model.put("maxDays", tokens.maxTtl().toDays());
        if (a.totpEnabled()) {
            model.put("recoveryLeft", twoFactor.recoveryCodesLeft(a));
        } else {
            TwoFactor.Enrolment e = twoFactor.begin(a);
            model.putAll(Map.of("key", e.key(), "uri", e.uri(), "qr", e.qrSvg().replace("aria-label=\"QR code of the two-factor key\"",
                    "aria-label=\"" + ConsoleText.of(Page.language(who).code()).m("two-factor.qr") + "\"")));
        }
        Object[] pairs = model.entrySet().stream().flatMap(en -> java.util.stream.Stream.of(en.getKey(), en.getValue())).toArray();
        return Page.of("two-factor", who, "two-factor", pairs);
    }
}
