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
import org.engagebot.platform.AuditLog;
import org.engagebot.conversation.Language;
import org.engagebot.visits.Decision;
import org.engagebot.visits.VisitApplication;
import org.engagebot.visits.VisitService;
import org.engagebot.visits.VisitStatus;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Visit applications: list by status, open one, decide (shortlist, schedule, decline with reason), history. */
@Controller("/console/visits")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class VisitsController {
    private final VisitService visits;
    private final AuditLog audit;
    private final VisitCaseView cases;

    VisitsController(VisitService visits, AuditLog audit, VisitCaseView cases) {
        this.visits = visits;
        this.audit = audit;
        this.cases = cases;
    }

    @Get
    Object list(Authentication who, @Nullable @QueryValue String status) {
        VisitStatus wanted = VisitStatus.parse(status).orElse(null);
        return Page.of("visits", who, "visits", "applications", visits.list(wanted), "status", wanted == null ? "" : wanted.code(),
                "statuses", Arrays.stream(VisitStatus.values()).map(VisitStatus::code).toList());
    }

    @Get("/{id}")
    Object one(Authentication who, long id, @Nullable @QueryValue String repeat) {
        Optional<VisitApplication> a = visits.find(id);
        if (a.isEmpty()) {
            return HttpResponse.notFound("No such application");
        }
        audit.record(who.getName(), "visit.view", "visit:" + id + " " + a.get().reference(), null);
        // a paper form that repeats one already in comes back here, and is told so
        return page(who, a.get(), repeat == null ? null : Page.text(who).f("visit.repeat", a.get().reference()), null, Map.of());
    }

    /** The case page; after a refusal it keeps what was typed and names the field to fix. */
    private Object page(Authentication who, VisitApplication a, String error, String errorField, Map<String, String> typed) {
        return Page.of("visit", who, "visits", "a", a, "history", visits.history(a.id()), "error", error,
                "errorField", errorField == null ? "" : errorField, "typed", typed,
                "answers", cases.answers(a, Page.language(who)), "applicantLanguage", VisitCaseView.language(a.language(), ConsoleText.of(Page.language(who).code())),
                "applicantChannel", VisitCaseView.channel(a.channel(), ConsoleText.of(Page.language(who).code())),
                "next", a.status().allowedNext().stream().map(VisitStatus::code).sorted().toList());
    }

    @Post(value = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object decide(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String when = Page.nz(form.get("date")).isEmpty() ? null
                : Page.nz(form.get("date")) + "T" + (Page.nz(form.get("time")).isEmpty() ? "10:00" : Page.nz(form.get("time")));
        Decision decision = new Decision(Page.nz(form.get("status")), when, blank(form.get("place")), blank(form.get("note")));
        VisitService.Decided result = visits.decide(id, decision, who.getName());
        if (result instanceof VisitService.Decided.Refused r) {
            return page(who, visits.find(id).orElseThrow(), r.reason(), r.field(), form);
        }
        if (result instanceof VisitService.Decided.NotFound) {
            return HttpResponse.notFound("No such application");
        }
        return Page.redirect("/console/visits/" + id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
