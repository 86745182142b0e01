package org.engagebot.staff.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.engagebot.platform.AuditLog;
import org.engagebot.staff.PasswordSignIn;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.staff.TwoFactor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Admins only: staff accounts (list, create, reset password, role; lock, unlock, deactivate, reactivate, reset
 * two-factor) and the audit log. A reset, lock or deactivation ends the account's sessions and tokens at once.
 */
@Controller("/console")
@Secured(StaffAccount.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {
    private final StaffAccounts accounts;
    private final PasswordSignIn signIn;
    private final TwoFactor twoFactor;
    private final AuditLog audit;
    private final java.time.Clock clock;

    AdminController(StaffAccounts accounts, PasswordSignIn signIn, TwoFactor twoFactor, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.audit = audit;
    }

    /** A row of the staff page. */
    record Row(String username, String role, String status, boolean twoFactor, Instant createdAt) {
    }

    @Get("/audit")
    Object auditLog(Authentication who) {
        return Page.of("audit", who, "audit", "entries", audit.recent(500));
    }

    @Get("/staff")
    Object staff(Authentication who) {
        return staffPage(who, null, null);
    }

    @Post(value = "/staff", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object change(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String username = Page.nz(form.get("username"));
        if (form.containsKey("action")) {
            return act(who, username, form.get("action"));
        }
        String password = form.getOrDefault("password", "");
        String role = StaffAccount.ADMIN.equals(form.get("role")) ? StaffAccount.ADMIN : StaffAccount.STAFF;
        if (!username.matches("[A-Za-z0-9._@-]{2,64}")) {
            return staffPage(who, Page.text(who).m("staff.problem.username"), null, form, "username");
        }
        if (!password.isEmpty() && password.length() < 10) {
            return staffPage(who, Page.text(who).m("staff.problem.password-short"), null, form, "password");
        }
        boolean exists = accounts.find(username).isPresent();
        if (!exists) {
            if (password.isEmpty()) {
                return staffPage(who, Page.text(who).m("staff.problem.password-needed"), null, form, "password");
            }
            accounts.create(username, password, role);
            audit.record(who.getName(), "staff.create", "staff:" + username, role);
            return staffPage(who, null, Page.text(who).f("staff.done.created", username));
        }
        if (!password.isEmpty()) {
            accounts.setPassword(username, password);
            audit.record(who.getName(), "staff.reset-password", "staff:" + username, null);
        }
        if (form.containsKey("role") && !username.equals(who.getName())) {
            accounts.setRole(username, role);
            audit.record(who.getName(), "staff.role", "staff:" + username, role);
        }
        return staffPage(who, null, Page.text(who).f("staff.done.updated", username));
    }

    private Object act(Authentication who, String username, String action) {
        if (accounts.find(username).isEmpty()) {
            return staffPage(who, Page.text(who).f("staff.problem.no-account", username), null, Map.of("state-username", username), "state-username");
        }
        if (username.equals(who.getName()) && !"unlock".equals(action)) {
            return staffPage(who, Page.text(who).m("staff.problem.own-account"), null, Map.of("state-username", username), "state-username");
        }
        switch (action) {
            case "lock" -> accounts.lock(username);
            case "unlock" -> {
                accounts.unlock(username);
                signIn.clearFailures(username);
            }
            case "deactivate" -> accounts.deactivate(username);
            case "reactivate" -> accounts.reactivate(username);
            case "reset-two-factor" -> twoFactor.reset(username, who.getName());
            default -> {
                return staffPage(who, Page.text(who).m("staff.problem.action"), null, Map.of("state-username", username), "state-action");
            }
        }
        if (!"reset-two-factor".equals(action)) {
            audit.record(who.getName(), "staff." + action, "staff:" + username, null);
        }
        return staffPage(who, null, Page.text(who).f("staff.done." + action, username));
    }

    private Object staffPage(Authentication who, String error, String notice) {
        return staffPage(who, error, notice, Map.of(), "");
    }

    /** {@code typed}: what the refused form held, kept in its fields (never the password); {@code bad}: the field to mark. */
    private Object staffPage(Authentication who, String error, String notice, Map<String, String> typed, String bad) {
        Instant now = clock.instant();
        List<Row> rows = accounts.all().stream().map(a -> new Row(a.username(), a.role(), a.disabledAt() != null ? "deactivated"
                : !a.usable(now) ? "locked" : signIn.lockedByFailures(a.username()) ? "paused" : "active", a.totpEnabled(), a.createdAt())).toList();
        return Page.of("staff", who, "staff", "accounts", rows, "error", error, "notice", notice,
                "f", typed, "bad", bad);
    }
}
