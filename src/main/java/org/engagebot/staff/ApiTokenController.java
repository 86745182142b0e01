package org.engagebot.staff;

import org.engagebot.platform.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Staff API tokens: any staff member issues tokens for themselves (an account with two-factor by Basic plus an
 * X-TOTP code, or from the console after two-factor); admins list and revoke. A token lives
 * {@code engagebot.staff.token-ttl} (90 days) unless {@code expiresInDays} asks for less.
 */
@Controller("/api/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiTokenController {
    private final ApiTokens tokens;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    ApiTokenController(ApiTokens tokens, StaffAccounts accounts, AuditLog audit) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Serdeable
    record NewToken(@Nullable String label, @Nullable Integer expiresInDays) {
    }

    @Post
    @Secured({StaffAccount.STAFF, StaffAccount.ADMIN})
    HttpResponse<?> issue(@Nullable @Body NewToken body, Authentication who) {
        StaffAccount account = accounts.find(who.getName()).orElseThrow();
        String label = body == null || body.label() == null || body.label().isBlank() ? "api" : body.label().strip();
        long maxDays = tokens.maxTtl().toDays();
        Integer days = body == null ? null : body.expiresInDays();
        if (days != null && (days < 1 || days > maxDays)) {
            return HttpResponse.badRequest(Map.of("message", "expiresInDays must be between 1 and " + maxDays));
        }
        ApiTokens.Issued issued = tokens.issue(account, label, days == null ? null : Duration.ofDays(days), StaffIdentity.mfa(who));
        audit.record(who.getName(), "api-token.issue", "token " + issued.id(), label + ", expires " + issued.expiresAt());
        return HttpResponse.created(issued);
    }

    @Get
    @Secured(StaffAccount.ADMIN)
    List<ApiTokens.Listed> list() {
        return tokens.all();
    }

    @Delete("/{id}")
    @Secured(StaffAccount.ADMIN)
    HttpResponse<?> revoke(long id, Authentication who) {
        if (!tokens.revoke(id)) {
            return HttpResponse.notFound();
        }
        audit.record(who.getName(), "api-token.revoke", "token " + id, null);
        return HttpResponse.noContent();
    }
}
