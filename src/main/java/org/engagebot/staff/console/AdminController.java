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
            return staffPage(who, "A username is 2 to 64 letters, digits or . _ @ -", null);
        }
        if (!password.isEmpty() && password.length() < 10) {
            return staffPage(who, "A password needs at least 10 characters.", null);
        }
        boolean exists = accounts.find(username).isPresent();
        if (!exists) {
            if (password.isEmpty()) {
                return staffPage(who, "A new account needs a password.", null);
            }
            accounts.create(username, password, role);
            audit.record(who.getName(), "staff.create", "staff:" + username, role);
            return staffPage(who, null, "Created " + username + ".");
        }
        if (!password.isEmpty()) {
            accounts.setPassword(username, password);
            audit.record(who.getName(), "staff.reset-password", "staff:" + username, null);
        }
        if (form.containsKey("role") && !username.equals(who.getName())) {
            accounts.setRole(username, role);
            audit.record(who.getName(), "staff.role", "staff:" + username, role);
        }
        return staffPage(who, null, "Updated " + username + ".");
    }

    private Object act(Authentication who, String username, String action) {
        if (accounts.find(username).isEmpty()) {
            return staffPage(who, "There is no account " + username + ".", null);
        }
        if (username.equals(who.getName()) && !"unlock".equals(action)) {
            return staffPage(who, "Ask another admin to do that to your own account.", null);
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
                return staffPage(who, "Choose what to do.", null);
            }
        }
        if (!"reset-two-factor".equals(action)) {
            audit.record(who.getName(), "staff." + action, "staff:" + username, null);
        }
        return staffPage(who, null, "Done: " + action + " " + username + ".");
    }

    private Object staffPage(Authentication who, String error, String notice) {
        Instant now = clock.instant();
        List<Row> rows = accounts.all().stream().map(a -> new Row(a.username(), a.role(), a.disabledAt() != null ? "deactivated"
                : !a.usable(now) ? "locked by an admin" : signIn.lockedByFailures(a.username())
                ? "sign-in paused (failures from many addresses)" : "active", a.totpEnabled(), a.createdAt())).toList();
        return Page.of("staff", who, "staff", "accounts", rows, "error", error, "notice", notice);
    }
}
