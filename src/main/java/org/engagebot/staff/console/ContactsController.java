package org.engagebot.staff.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.ContactImport;
import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.platform.AuditLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contacts: search and filter, one organisation's page, CSV import with a preview (and likely duplicates) first. */
@Controller("/console/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContactsController {
    private final ContactService contacts;
    private final ContactImport imports;
    private final ProfilePage profile;
    private final Areas areas;
    private final AuditLog audit;

    ContactsController(ContactService contacts, ContactImport imports, ProfilePage profile, Areas areas, AuditLog audit) {
        this.contacts = contacts;
        this.imports = imports;
        this.profile = profile;
        this.areas = areas;
        this.audit = audit;
    }

    private static final int PAGE = 200;

    @Get
    Object list(Authentication who, @Nullable @QueryValue String q, @Nullable @QueryValue String area,
                @Nullable @QueryValue String sector, @Nullable @QueryValue String language,
                @Nullable @QueryValue Integer from) {
        ContactService.Page found = contacts.search(q, area, sector, language, from == null ? 0 : from, PAGE);
        return Page.of("contacts", who, "contacts", "contacts", found.contacts(), "page", found, "q", Page.nz(q),
                "area", Page.nz(area), "sector", Page.nz(sector), "language", Page.nz(language), "areas", areas.all(),
                "sectors", OrganisationLists.SECTORS);
    }

    @Get("/{id}")
    Object one(Authentication who, long id, @Nullable @QueryValue String done) {
        Optional<Object> page = profile.of(who, id, Map.of(), Map.of(), done);
        if (page.isEmpty()) {
            return Page.notFound(who);
        }
        audit.record(who.getName(), "contact.view", "contact:" + id, null);
        return page.get();
    }

    @Get("/import")
    Object importForm(Authentication who) {
        return Page.of("import", who, "contacts", "csv", "", "plan", null, "result", null);
    }

    @Post(value = "/import", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object importCsv(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String csv = form.getOrDefault("csv", "");
        if ("confirm".equals(form.get("step"))) {
            ContactImport.Result result = imports.apply(csv, who.getName());
            return Page.of("import", who, "contacts", "csv", "", "plan", null, "result", result);
        }
        return Page.of("import", who, "contacts", "csv", csv, "plan", imports.plan(csv), "result", null);
    }
}
