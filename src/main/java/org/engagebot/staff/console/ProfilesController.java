package org.engagebot.staff.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.contacts.Profile;
import org.engagebot.contacts.Profiles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adding, editing and merging organisations, their contact people and staff notes. Every form that is refused is
 * shown again with what was typed, an error summary and the fields marked (422); a change redirects to the profile.
 */
@Controller("/console/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfilesController {
    private final Profiles profiles;
    private final ContactService contacts;
    private final Areas areas;
    private final ProfilePage page;

    ProfilesController(Profiles profiles, ContactService contacts, Areas areas, ProfilePage page) {
        this.profiles = profiles;
        this.contacts = contacts;
        this.areas = areas;
        this.page = page;
    }

    @Get("/new")
    Object newForm(Authentication who) {
        return form(who, null, Map.of(), Map.of());
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object create(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        Profiles.Saved saved = profiles.create(ProfileFormReader.read(form, areas), who.getName());
        return saved.ok() ? Page.redirect("/console/contacts/" + saved.id() + "?done=added")
                : refused(form(who, null, form, saved.errors()));
    }

    @Get("/{id}/edit")
    Object editForm(Authentication who, long id) {
        Optional<Profile> p = profiles.profile(id);
        return p.isEmpty() ? Page.notFound(who)
                : form(who, p.get(), ProfileFormReader.fields(p.get()), Map.of());
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object edit(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        Optional<Profile> p = profiles.profile(id);
        if (p.isEmpty()) {
            return Page.notFound(who);
        }
        Profiles.Saved saved = profiles.update(id, ProfileFormReader.read(form, areas), who.getName());
        return saved.ok() ? Page.redirect("/console/contacts/" + id + "?done=saved")
                : refused(form(who, p.get(), form, saved.errors()));
    }

    @Post(value = "/{id}/notes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object note(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        if (profiles.profile(id).isEmpty()) {
            return Page.notFound(who);
        }
        Profiles.Saved saved = profiles.addNote(id, form.get("note"), who.getName());
        return saved.ok() ? Page.redirect("/console/contacts/" + id + "?done=note#notes")
                : refused(page.of(who, id, form, saved.errors(), null).orElseThrow());
    }

    @Post(value = "/{id}/people", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object person(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        if (profiles.profile(id).isEmpty()) {
            return Page.notFound(who);
        }
        Profiles.Saved saved = profiles.addPerson(id, ProfileFormReader.person(form), who.getName());
        return saved.ok() ? Page.redirect("/console/contacts/" + id + "?done=person#people")
                : refused(page.of(who, id, form, saved.errors(), null).orElseThrow());
    }

    @Post(value = "/{id}/people/{personId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object personAction(Authentication who, long id, long personId, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        if ("primary".equals(form.get("action"))) {
            Profiles.Saved saved = profiles.makePrimary(id, personId, who.getName());
            return saved.ok() ? Page.redirect("/console/contacts/" + id + "?done=primary#people")
                    : refused(page.of(who, id, Map.of(), saved.errors(), null).orElseThrow());
        }
        profiles.removePerson(id, personId, who.getName());
        return Page.redirect("/console/contacts/" + id + "?done=removed#people");
    }

    /** Step 1: find the other record; step 2 ({@code with}): both side by side, and a button to merge. */
    @Get("/{id}/merge")
    Object mergeForm(Authentication who, long id, @Nullable @QueryValue("with") Long with, @Nullable @QueryValue String q) {
        Optional<Profile> keep = profiles.profile(id);
        if (keep.isEmpty()) {
            return Page.notFound(who);
        }
        Optional<Profile> other = with == null || with == id ? Optional.empty() : profiles.profile(with);
        List<?> candidates = other.isPresent() || Page.nz(q).isEmpty() ? List.of()
                : contacts.search(null, q, 20).stream().filter(c -> c.id() != id).toList();
        return Page.of("contact-merge", who, "contacts", "keep", keep.get(), "other", other.orElse(null),
                "keepRecords", profiles.records(id), "otherRecords", other.map(o -> profiles.records(o.contact().id()))
                        .orElse(List.of()), "candidates", candidates, "q", Page.nz(q), "keepAreas", ProfilePage.areas(keep.get(), page.areaLabels()),
                "otherAreas", other.map(o -> ProfilePage.areas(o, page.areaLabels())).orElse(""));
    }

    @Post(value = "/{id}/merge", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object merge(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        long other;
        try {
            other = Long.parseLong(Page.nz(form.get("other")));
        } catch (NumberFormatException notANumber) {
            return Page.redirect("/console/contacts/" + id + "/merge");
        }
        return profiles.merge(id, other, who.getName()) ? Page.redirect("/console/contacts/" + id + "?done=merged")
                : Page.notFound(who);
    }

    private Object form(Authentication who, Profile editing, Map<String, String> fields, Map<String, String> errors) {
        return Page.of("contact-form", who, "contacts", "editing", editing, "f", fields, "errors", errors,
                "areas", areas.all(), "sectors", OrganisationLists.SECTORS, "types", OrganisationLists.TYPES,
                "sources", OrganisationLists.SOURCES);
    }

    private static Object refused(Object view) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(view);
    }
}
