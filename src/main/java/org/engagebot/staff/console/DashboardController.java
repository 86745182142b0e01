package org.engagebot.staff.console;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.contacts.ContactService;
import org.engagebot.events.EventService;
import org.engagebot.newsletters.Newsletter;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.visits.VisitService;
import org.engagebot.visits.VisitStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The office's daily view: registrations, open visit applications, visits against target, consultations, sends. */
@Controller("/console")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {
    private final ContactService contacts;
    private final VisitService visits;
    private final ConsultationDesk consultations;
    private final NewsletterService newsletters;
    private final EventService events;
    private final Clock clock;

    DashboardController(ContactService contacts, VisitService visits, ConsultationDesk consultations,
                        NewsletterService newsletters, EventService events, Clock clock) {
        this.contacts = contacts;
        this.visits = visits;
        this.consultations = consultations;
        this.newsletters = newsletters;
        this.events = events;
        this.clock = clock;
    }

    record OpenConsultation(long id, String reference, String title, int responses) {
    }

    @Get
    ModelAndView<Map<String, Object>> dashboard(Authentication who) {
        Instant now = clock.instant();
        long registrations = contacts.countCreatedSince(now.minus(Duration.ofDays(30)));
        int openVisits = visits.list(VisitStatus.RECEIVED).size() + visits.list(VisitStatus.SHORTLISTED).size();
        VisitService.Summary summary = visits.summary(visits.currentYear());
        List<OpenConsultation> open = consultations.all().stream().filter(c -> c.openAt(now))
                .map(c -> new OpenConsultation(c.id(), c.reference(), c.title().en(), consultations.respondents(c.id())))
                .toList();
        List<NewsletterService.Progress> sending = newsletters.recent(50).stream()
                .filter(n -> n.status() != Newsletter.Status.DRAFT && n.status() != Newsletter.Status.SENT)
                .map(n -> newsletters.progress(n.id()).orElseThrow()).toList();
        int percent = summary.target() == 0 ? 100 : Math.min(100, 100 * summary.visited() / summary.target());
        return Page.of("dashboard", who, "dashboard", "registrations", registrations, "openVisits", openVisits,
                "summary", summary, "visitPercent", percent, "consultations", open, "sending", sending,
                "events", events.summary(now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(365))));
    }

    static String title(Consultation c) {
        return c.title().en();
    }
}
