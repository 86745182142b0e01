package org.engagebot.privacy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.security.Principal;

/** Staff API: GET /api/contacts/{id}/export (everything held, as JSON) and DELETE /api/contacts/{id} (erase). Both audited. */
@Controller("/api/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PrivacyController {
    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
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

    @Delete("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Erased> erase(long id, Principal principal) {
        return privacy.eraseContact(id, principal.getName())
                .map(e -> HttpResponse.ok(new Erased(id, true, e.counts())))
                .orElseGet(HttpResponse::notFound);
    }
}
