package org.engagebot.staff.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.platform.AuditLog;
import org.engagebot.visits.VisitService;

/** The engagement report for a year, as charts and a table, and as CSV. */
@Controller("/console/report")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportController {
    private final EngagementReport report;
    private final VisitService visits;
    private final AuditLog audit;

    ReportController(EngagementReport report, VisitService visits, AuditLog audit) {
        this.report = report;
        this.visits = visits;
        this.audit = audit;
    }

    @Get
    Object page(Authentication who, @Nullable @QueryValue Integer year) {
        EngagementReport.Report r = report.of(year == null ? visits.currentYear() : year);
        return Page.of("report", who, "report", "r", r);
    }

    @Get(value = "/export", produces = "text/csv")
    Object export(Authentication who, @Nullable @QueryValue Integer year) {
        EngagementReport.Report r = report.of(year == null ? visits.currentYear() : year);
        audit.record(who.getName(), "report.export", "engagement " + r.year(), r.rows().size() + " rows");
        return HttpResponse.ok(EngagementReport.csv(r)).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"engagement-" + r.year() + ".csv\"");
    }
}
