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
import org.engagebot.contacts.Areas;
import org.engagebot.platform.AuditLog;
import org.engagebot.visits.VisitService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Compact's annual review for a year or a quarter: one page with charts, and one CSV. */
@Controller("/console/review")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CompactReviewController {
    private final CompactReview review;
    private final VisitService visits;
    private final AuditLog audit;
    private final Areas areas;

    CompactReviewController(CompactReview review, VisitService visits, AuditLog audit, Areas areas) {
        this.review = review;
        this.areas = areas;
        this.visits = visits;
        this.audit = audit;
    }

    @Get
    Object page(Authentication who, @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer quarter) {
        CompactReview.Review r = review.of(period(year, quarter));
        ConsoleText t = ConsoleText.of(Page.language(who).code());
        Labels labels = new Labels(areas, t);
        return Page.of("review", who, "review", "r", r, "charts", charts(r, t, labels), "labels", labels,
                "target", CompactReviewCsv.number(r.target()));
    }

    @Get(value = "/export", produces = "text/csv")
    Object export(Authentication who, @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer quarter) {
        CompactReview.Review r = review.of(period(year, quarter));
        audit.record(who.getName(), "report.export", "compact review " + r.period().label(), null);
        return HttpResponse.ok(CompactReviewCsv.write(r)).contentType("text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"compact-review-" + r.period().label().replace(' ', '-') + ".csv\"");
    }

    private CompactReview.Period period(Integer year, Integer quarter) {
        int y = year == null || year < 2000 || year > 2100 ? visits.currentYear() : year;
        return CompactReview.Period.of(y, quarter);
    }

    /** The charts as inline SVG, drawn here so the template only places them. */
    private static Map<String, String> charts(CompactReview.Review r, ConsoleText t, Labels labels) {
        Map<String, String> out = new TreeMap<>();
        out.put("visits", SvgBars.draw("chart-visits", t.m("chart.visits"),
                List.of(new SvgBars.Bar(t.w("visited"), r.visited()),
                        new SvgBars.Bar(t.w("scheduled"), r.visits().size() - r.visited())), r.target(), t));
        List<SvgBars.Bar> perQuarter = new ArrayList<>();
        Map<Integer, long[]> byQuarter = new TreeMap<>();
        r.newsletters().forEach(n -> {
            long[] q = byQuarter.computeIfAbsent(n.quarter(), k -> new long[2]);
            q[0]++;
            q[1] += n.people();
        });
        byQuarter.forEach((q, v) -> perQuarter.add(new SvgBars.Bar(t.f("chart.quarter-issues", q, v[0]), v[1])));
        out.put("newsletters", SvgBars.draw("chart-newsletters", t.m("chart.newsletters"), perQuarter, null, t));
        out.put("consultations", SvgBars.draw("chart-consultations", t.m("chart.consultations"),
                r.consultations().stream().map(c -> new SvgBars.Bar(c.reference(), c.respondents())).toList(), null, t));
        out.put("registrations", SvgBars.draw("chart-registrations", t.m("chart.registrations"),
                r.registrationsByArea().entrySet().stream().map(e -> new SvgBars.Bar(labels.area(e.getKey()), e.getValue()))
                        .toList(), null, t));
        out.put("sectors", SvgBars.draw("chart-sectors", t.m("chart.sectors"),
                r.registrationsBySector().entrySet().stream().map(e -> new SvgBars.Bar(labels.sector(e.getKey()),
                        e.getValue())).toList(), null, t));
        return out;
    }
}
