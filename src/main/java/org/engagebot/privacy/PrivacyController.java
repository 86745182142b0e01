package org.engagebot.privacy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import org.engagebot.platform.AuditLog;

import java.security.Principal;

/** Staff API: GET /api/contacts/{id}/export (everything held, as JSON) and DELETE /api/contacts/{id} (erase, admins only). Both audited. */
@Controller("/api/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PrivacyController {
    // The role's name as staff/StaffAccount spells it; privacy does not reach into staff (features never import it).
    private static final String ADMIN = "admin";
    private final PrivacyService privacy;
    private final AuditLog audit;

    PrivacyController(PrivacyService privacy, AuditLog audit) {
        this.privacy = privacy;
        this.audit = audit;
    }

    @Serdeable
    record Erased(long id, boolean erased, String counts) {
    }

    @Get(value = "/{id}/export", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> export(long id, Principal principal) {
        return privacy.exportContact(id, principal.getName())
                .map(json -> HttpResponse.ok(json).header("Cache-Control", "no-store"))
                .orElseGet(HttpResponse::notFound);
    }

    @Serdeable
    record Refusal(String message) {
    }

    /** Admins only: an erasure cannot be undone. A staff token or password gets 403 with the reason, audited. */
    @Delete("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> erase(long id, Authentication who) {
        if (!who.getRoles().contains(ADMIN)) {
            audit.record(who.getName(), "privacy.erase-refused", "contact:" + id, "not an admin");
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Refusal(
                    "Only an admin can erase a person's data (DELETE /api/contacts/{id}): it cannot be undone."));
        }
        return privacy.eraseContact(id, who.getName())
                .<HttpResponse<?>>map(e -> HttpResponse.ok(new Erased(id, true, e.counts())))
                .orElseGet(HttpResponse::notFound);
    }
}
