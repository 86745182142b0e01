package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.newsletters.NewsletterInsights;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.platform.AuditLog;

import java.util.List;

/**
 * Every recipient a newsletter did not reach (bounced, then failed), as formula-safe CSV for staff to follow up: the
 * newsletter's page lists the first 100 of each. Audited, as it holds addresses.
 */
@Controller("/console/newsletters")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotDeliveredController {
    private static final int PAGE = 500;
    private final NewsletterService newsletters;
    private final NewsletterInsights insights;
    private final AuditLog audit;

    NotDeliveredController(NewsletterService newsletters, NewsletterInsights insights, AuditLog audit) {
        this.newsletters = newsletters;
        this.insights = insights;
        this.audit = audit;
    }

    @Get(value = "/{id}/not-delivered.csv", produces = "text/csv")
    Object csv(Authentication who, long id) {
        if (newsletters.byId(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        StringBuilder csv = new StringBuilder("status,channel,address,reason,attempts\r\n");
        for (String status : List.of("bounced", "failed")) {
            long after = 0;
            List<NewsletterInsights.RecipientStatus> page;
            do {
                page = insights.recipients(id, status, after, PAGE).orElseThrow();
                for (NewsletterInsights.RecipientStatus r : page) {
                    csv.append(String.join(",", EngagementReport.cell(r.status()), EngagementReport.cell(r.channel()),
                            EngagementReport.cell(r.address()), EngagementReport.cell(r.reason()),
                            String.valueOf(r.attempts()))).append("\r\n");
                    after = r.id();
                }
            } while (page.size() == PAGE);
        }
        audit.record(who.getName(), "newsletter.export-not-delivered", "newsletter:" + id, null);
        return HttpResponse.ok(csv.toString()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"newsletter-" + id + "-not-delivered.csv\"");
    }
}
