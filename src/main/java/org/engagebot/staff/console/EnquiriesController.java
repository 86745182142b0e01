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
import org.engagebot.conversation.Text;
import org.engagebot.enquiries.EnquiryService;

import java.util.List;
import java.util.Map;

/** Messages to the office: a plain list with the sender, a reply box and a close button on each. */
@Controller("/console/enquiries")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EnquiriesController {
    private static final List<String> STATUSES = List.of("open", "replied", "closed");

    private final EnquiryService enquiries;

    EnquiriesController(EnquiryService enquiries) {
        this.enquiries = enquiries;
    }

    @Get
    Object list(Authentication who, @Nullable @QueryValue String status, @Nullable @QueryValue String error) {
        String wanted = STATUSES.contains(Page.nz(status)) ? status : null;
        return Page.of("enquiries", who, "enquiries", "enquiries", enquiries.list(wanted), "status", Page.nz(wanted),
                "statuses", STATUSES, "error", error);
    }

    @Post(value = "/{id}/reply", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object reply(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String text = Page.nz(form.get("text"));
        if (text.isEmpty() || text.length() > 3500) {
            return Page.redirect("/console/enquiries?error=empty");
        }
        EnquiryService.Replied replied = enquiries.reply(id, Text.of(text, text), who.getName());
        if (replied instanceof EnquiryService.Replied.NotFound) {
            return HttpResponse.notFound("No such message");
        }
        return Page.redirect(replied instanceof EnquiryService.Replied.Sent ? "/console/enquiries"
                : "/console/enquiries?error=unreachable");
    }

    @Post(value = "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object close(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        enquiries.close(id, who.getName());
        return Page.redirect("/console/enquiries");
    }
}
