package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.AuditLog;
import org.engagebot.privacy.PrivacyService;
import org.engagebot.staff.StaffAccount;

import java.util.Map;
import java.util.Optional;

/**
 * Erasing a person from the console: admins only (a staff member may read and edit a record, but erasing it cannot
 * be undone, so it is an admin's decision). The GET shows what will go and a button; only the POST erases. A staff
 * member gets a 403 page that says why, in the console's language, and the refusal is audited.
 */
@Controller("/console/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ErasureConsoleController {
    private final ContactService contacts;
    private final PrivacyService privacy;
    private final AuditLog audit;

    ErasureConsoleController(ContactService contacts, PrivacyService privacy, AuditLog audit) {
        this.contacts = contacts;
        this.privacy = privacy;
        this.audit = audit;
    }

    @Get("/{id}/erase")
    Object check(Authentication who, long id) {
        Optional<Contact> contact = contacts.byId(id);
        if (contact.isEmpty()) {
            return Page.notFound(who);
        }
        if (!admin(who)) {
            return refused(who, id);
        }
        return Page.of("contact-erase", who, "contacts", "c", contact.get(), "state", "check");
    }

    @Post(value = "/{id}/erase", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object erase(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        if (!admin(who)) {
            return refused(who, id);
        }
        if (!"erase".equals(form.get("action"))) {
            return Page.redirect("/console/contacts/" + id);
        }
        return privacy.eraseContact(id, who.getName())
                .<Object>map(e -> Page.of("contact-erase", who, "contacts", "state", "done"))
                .orElseGet(() -> Page.notFound(who));
    }

    private Object refused(Authentication who, long id) {
        audit.record(who.getName(), "privacy.erase-refused", "contact:" + id, "not an admin");
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(Page.of("contact-erase", who, "contacts", "state", "refused"));
    }

    static boolean admin(Authentication who) {
        return who != null && who.getRoles().contains(StaffAccount.ADMIN);
    }
}
