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
import org.engagebot.staff.AuditLog;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;

import java.util.Map;

/** Admins only: staff accounts (list, create, reset password, role) and the audit log. */
@Controller("/console")
@Secured(StaffAccount.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {
    private final StaffAccounts accounts;
    private final ConsoleSessions sessions;
    private final AuditLog audit;

    AdminController(StaffAccounts accounts, ConsoleSessions sessions, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
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
            sessions.endAllFor(username);
            audit.record(who.getName(), "staff.reset-password", "staff:" + username, null);
        }
        if (form.containsKey("role") && !username.equals(who.getName())) {
            accounts.setRole(username, role);
            audit.record(who.getName(), "staff.role", "staff:" + username, role);
        }
        return staffPage(who, null, "Updated " + username + ".");
    }

    private Object staffPage(Authentication who, String error, String notice) {
        return Page.of("staff", who, "staff", "accounts", accounts.all(), "error", error, "notice", notice);
    }
}
