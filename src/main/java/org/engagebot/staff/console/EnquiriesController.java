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

    private final org.engagebot.staff.StaffAccounts staff;

    EnquiriesController(EnquiryService enquiries, org.engagebot.staff.StaffAccounts staff) {
        this.enquiries = enquiries;
        this.staff = staff;
    }

    @Post(value = "/{id}/assign", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object assign(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String to = Page.nz(form.get("assignee"));
        boolean known = to.isEmpty() || staff.all().stream().anyMatch(a -> a.username().equals(to));
        if (!known || !enquiries.assign(id, to, who.getName())) {
            return HttpResponse.notFound("No such message or staff member");
        }
        return Page.redirect("/console/enquiries#e" + id);
    }

    @Get
    Object list(Authentication who, @Nullable @QueryValue String status, @Nullable @QueryValue String error,
                @Nullable @QueryValue String mine) {
        String wanted = STATUSES.contains(Page.nz(status)) ? status : null;
        return page(who, wanted, "yes".equals(mine), error, 0, "");
    }

    /** The inbox; after a refused reply, {@code replyTo}'s box keeps what was typed ({@code typed}) and is marked. */
    private Object page(Authentication who, String wanted, boolean onlyMine, String error, long replyTo, String typed) {
        return Page.of("enquiries", who, "enquiries", "enquiries", enquiries.list(wanted).stream()
                        .filter(e -> !onlyMine || who.getName().equals(e.assignedTo())).toList(), "status", Page.nz(wanted),
                "statuses", STATUSES, "error", error, "mine", onlyMine, "replyTo", replyTo, "typed", typed,
                "staffNames", staff.all().stream().map(org.engagebot.staff.StaffAccount::username).sorted().toList());
    }

    @Post(value = "/{id}/reply", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object reply(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String text = Page.nz(form.get("text"));
        if (text.isEmpty() || text.length() > 3500) {
            return HttpResponse.unprocessableEntity().body(page(who, null, false, "empty", id, text));
        }
        EnquiryService.Replied replied = enquiries.reply(id, Text.of(text, text), who.getName());
        if (replied instanceof EnquiryService.Replied.NotFound) {
            return HttpResponse.notFound("No such message");
        }
        // an unreachable sender: the reply stays in its box, so what was written is not lost
        return replied instanceof EnquiryService.Replied.Sent ? Page.redirect("/console/enquiries")
                : HttpResponse.unprocessableEntity().body(page(who, null, false, "unreachable", id, text));
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
