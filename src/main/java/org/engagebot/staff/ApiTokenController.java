package org.engagebot.staff;

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

import java.util.List;

/** Staff API tokens: any staff member issues tokens for themselves; admins list and revoke. */
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
    record NewToken(String label) {
    }

    @Post
    @Secured({StaffAccount.STAFF, StaffAccount.ADMIN})
    HttpResponse<ApiTokens.Issued> issue(@Body NewToken body, Authentication who) {
        StaffAccount account = accounts.find(who.getName()).orElseThrow();
        String label = body == null || body.label() == null || body.label().isBlank() ? "api" : body.label().strip();
        ApiTokens.Issued issued = tokens.issue(account.id(), label);
        audit.record(who.getName(), "api-token.issue", "token " + issued.id(), label);
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
