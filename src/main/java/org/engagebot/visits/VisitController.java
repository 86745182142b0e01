package org.engagebot.visits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.platform.AuditLog;

import java.util.List;
import java.util.Optional;

/**
 * Staff API for visit applications: list, detail, decision, yearly summary, CSV export, and the public
 * listing (scheduled or visited, only where the applicant allowed publicity) for media and the newsletter.
 */
@Controller("/api/visits")
@Secured(SecurityRule.IS_AUTHENTICATED)
class VisitController {
    private final VisitService visits;
    private final AuditLog audit;
    private final VisitsConfig config;

    VisitController(VisitService visits, AuditLog audit, VisitsConfig config) {
        this.visits = visits;
        this.audit = audit;
        this.config = config;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String status) {
        Optional<VisitStatus> wanted = VisitStatus.parse(status);
        if (status != null && !status.isBlank() && wanted.isEmpty()) {
            return HttpResponse.badRequest(new VisitViews.Problem(
                    "status must be one of received, shortlisted, scheduled, visited, declined"));
        }
        return HttpResponse.ok(visits.list(wanted.orElse(null)).stream().map(a -> VisitViews.item(a, config.zone())).toList());
    }

    @Get("/{id}")
    HttpResponse<?> detail(long id, Authentication who) {
        Optional<VisitApplication> a = visits.find(id);
        if (a.isEmpty()) {
            return HttpResponse.notFound(new VisitViews.Problem("no visit application " + id));
        }
        audit.record(who.getName(), "visit.view", "visit:" + id + " " + a.get().reference(), null);
        return HttpResponse.ok(VisitViews.detail(a.get(), visits.history(id), config.zone()));
    }

    @Post("/{id}/decision")
    HttpResponse<?> decide(long id, @Body Decision decision, Authentication who) {
        VisitService.Decided result = visits.decide(id, decision, who.getName());
        if (result instanceof VisitService.Decided.NotFound) {
            return HttpResponse.notFound(new VisitViews.Problem("no visit application " + id));
        }
        if (result instanceof VisitService.Decided.Refused r) {
            return r.pastDate() ? HttpResponse.unprocessableEntity().body(new VisitViews.Problem(r.reason()))
                    : HttpResponse.badRequest(new VisitViews.Problem(r.reason()));
        }
        VisitService.Decided.Done done = (VisitService.Decided.Done) result;
        return HttpResponse.ok(new VisitViews.DecisionResult(
                VisitViews.detail(done.application(), visits.history(id), config.zone()), done.applicantNotified()));
    }

    @Get("/summary")
    VisitService.Summary summary(@Nullable @QueryValue Integer year) {
        return visits.summary(year == null ? visits.currentYear() : year);
    }

    @Get("/public")
    List<PublicVisit> publicVisits(@Nullable @QueryValue Integer year) {
        return visits.publicVisits(year == null ? visits.currentYear() : year);
    }

    @Get(value = "/export", produces = "text/csv")
    HttpResponse<String> export(@Nullable @QueryValue String status, Authentication who) {
        List<VisitApplication> all = visits.list(VisitStatus.parse(status).orElse(null));
        audit.record(who.getName(), "visit.export", "visits", all.size() + " applications");
        return HttpResponse.ok(VisitCsv.write(all, config.zone()))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"visit-applications.csv\"");
    }
}
