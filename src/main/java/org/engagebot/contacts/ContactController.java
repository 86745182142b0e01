package org.engagebot.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Staff API: GET /api/contacts?email=&q= */
@Controller("/api/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ContactController {
    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @Serdeable
    record ContactView(long id, String organisation, String name, String email, String phone, String area,
                       String language, List<String> channels, boolean subscribed, @Nullable String emailConfirmed,
                       List<String> sectors) {
        static ContactView of(Contact c) {
            return new ContactView(c.id(), c.organisation(), c.name(), c.email(), c.phone(), c.area(), c.language(),
                    c.channels(), c.subscribed(), c.emailConfirmed(), c.sectors());
        }
    }

    @Get
    List<ContactView> list(@Nullable @QueryValue String email, @Nullable @QueryValue String q,
                           @Nullable @QueryValue Integer limit) {
        int max = limit == null ? 500 : Math.max(1, Math.min(limit, 5000));
        return contacts.search(email, q, max).stream().map(ContactView::of).toList();
    }
}
