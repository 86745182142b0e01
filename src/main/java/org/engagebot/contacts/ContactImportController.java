package org.engagebot.contacts;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.security.Principal;

/** Staff API: POST /api/contacts/import (text/csv) → {imported, updated, rejected: [{line, reason}]}. */
@Controller("/api/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ContactImportController {
    private final ContactImport imports;

    ContactImportController(ContactImport imports) {
        this.imports = imports;
    }

    @Post(value = "/import", consumes = {"text/csv", "text/plain"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<ContactImport.Result> importCsv(@Body String csv, Principal principal) {
        return HttpResponse.ok(imports.apply(csv, principal.getName()));
    }
}
