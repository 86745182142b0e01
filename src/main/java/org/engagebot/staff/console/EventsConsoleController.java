package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
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
import org.engagebot.conversation.Text;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.events.Event;
import org.engagebot.events.EventService;
import org.engagebot.events.EventViews;
import org.engagebot.events.meetings.MeetingService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Engagement events in the console: create, invite, RSVPs, questions grouped by theme with a printable briefing and
 * CSV, attendance on the day (a phone-sized page), the record and "you said, we did". Same rules and audit as the
 * staff API, through {@link EventService}.
 */
@Controller("/console/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsConsoleController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventService events;
    private final MeetingService meetings;
    private final Areas areas;

    EventsConsoleController(EventService events, MeetingService meetings, Areas areas) {
        this.events = events;
        this.areas = areas;
        this.meetings = meetings;
    }

    @Get
    Object list(Authentication who) {
        return page(who, null, Map.of(), "");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object create(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        OneLanguageForm one = OneLanguageForm.read(form);
        Optional<String> missing = one.missing(form, List.of("title", "description"));
        if (missing.isPresent()) {
            return page(who, one.problem(missing.get(), Map.of("title", "title", "description", "description"), ConsoleText.of(Page.language(who).code())), form,
                    missing.get());
        }
        EventService.Created created = events.create(json(form, areas), who.getName());
        return created.error() != null ? page(who, created.error(), form, "")
                : Page.redirect("/console/events/" + created.event().id());
    }

    @Get("/{id}")
    Object one(Authentication who, long id) {
        return with(who, id, e -> Page.of("events-event", who, "events", "e", events.view(e), "rsvps", events.rsvps(e),
                "themes", byTheme(events.questionViews(e)), "untranslated", events.untranslated(e).orElse(null),
                "oneLanguage", events.oneLanguageReason(e).orElse(null)));
    }

    @Get("/{id}/attendance")
    Object attendance(Authentication who, long id) {
        return with(who, id, e -> Page.of("events-attendance", who, "events", "e", events.view(e), "rsvps",
                events.rsvps(e).stream().filter(r -> r.answer().equals("yes") && !r.waitlisted()).toList()));
    }

    @Get("/{id}/briefing")
    Object briefing(Authentication who, long id) {
        return with(who, id, e -> Page.of("events-briefing", who, "events", "e", events.view(e), "themes",
                byTheme(events.questionViews(e))));
    }

    @Get(value = "/{id}/questions.csv", produces = "text/csv")
    Object csv(Authentication who, long id) {
        return with(who, id, e -> HttpResponse.ok(events.briefingCsv(e, who.getName())).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + e.reference() + "-questions.csv\""));
    }

    @Post(value = "/{id}/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object invite(Authentication who, long id, @Body Map<String, String> form) {
        return act(who, form, id, e -> events.invite(id, who.getName()), "");
    }

    @Post(value = "/{id}/attendance/{rid}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object mark(Authentication who, long id, long rid, @Body Map<String, String> form) {
        Boolean attended = "yes".equals(form.get("attended")) ? Boolean.TRUE : "no".equals(form.get("attended"))
                ? Boolean.FALSE : null;
        return act(who, form, id, e -> events.attendance(e, rid, attended, who.getName()), "/attendance#a" + rid);
    }

    @Post(value = "/{id}/questions/{qid}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object theme(Authentication who, long id, long qid, @Body Map<String, String> form) {
        return act(who, form, id, e -> events.question(e, qid, Page.nz(form.get("theme")), form.containsKey("answered"),
                who.getName()), "#q" + qid);
    }

    @Post(value = "/{id}/record", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object record(Authentication who, long id, @Body Map<String, String> form) {
        String url = Page.nz(form.get("recording"));
        return act(who, form, id, e -> {
            events.record(e, Page.nz(form.get("notes")), url.matches("(?i)https?://\\S+") ? url : null, who.getName());
            return true;
        }, "");
    }

    @Post(value = "/{id}/feedback", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object feedback(Authentication who, long id, @Body Map<String, String> form) {
        String en = Page.nz(form.get("feedback_en"));
        String cy = Page.nz(form.get("feedback_cy"));
        return act(who, form, id, e -> en.isEmpty() || cy.isEmpty() ? false
                : events.feedback(id, new Text(en, cy), who.getName()), "");
    }

    private Object page(Authentication who, String error, Map<String, String> typed, String bad) {
        return Page.of("events", who, "events", "events", events.all().stream().map(events::view).toList(), "error", error,
                "feed", meetings.feedUrl(who.getName()), "f", typed, "bad", bad, "areas", areas.all(),
                "sectors", OrganisationLists.SECTORS);
    }

    private Object with(Authentication who, long id, Function<Event, Object> show) {
        Optional<Event> e = events.find(id);
        return e.isEmpty() ? Page.notFound(who) : show.apply(e.get());
    }

    private Object act(Authentication who, Map<String, String> form, long id, Function<Event, Object> action, String back) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        return with(who, id, e -> {
            action.apply(e);
            return Page.redirect("/console/events/" + id + back);
        });
    }

    /** Questions by theme, in the briefing's order ("(no theme yet)" last). */
    static Map<String, List<EventViews.QuestionView>> byTheme(List<EventViews.QuestionView> questions) {
        Map<String, List<EventViews.QuestionView>> out = new LinkedHashMap<>();
        questions.forEach(q -> out.computeIfAbsent(q.theme() == null ? "(no theme yet)" : q.theme(),
                k -> new java.util.ArrayList<>()).add(q));
        return out;
    }

    /** The form as the JSON of POST /api/events; datetime-local values are UK time. */
    static String json(Map<String, String> form, Areas areas) {
        ObjectNode o = JSON.createObjectNode();
        text(o, "title", form);
        text(o, "description", form);
        text(o, "access", form);
        for (String f : List.of("startsAt", "endsAt", "questionsCloseAt", "place", "online")) {
            if (!Page.nz(form.get(f)).isEmpty()) {
                o.put(f, Page.nz(form.get(f)));
            }
        }
        if (Page.nz(form.get("capacity")).matches("\\d{1,6}")) {
            o.put("capacity", Integer.parseInt(Page.nz(form.get("capacity"))));
        }
        return OneLanguageForm.read(form).applyTo(AudienceForm.read(form, areas).applyTo(o)).toString();
    }

    private static void text(ObjectNode o, String field, Map<String, String> form) {
        String en = Page.nz(form.get(field + "_en"));
        String cy = Page.nz(form.get(field + "_cy"));
        if (!en.isEmpty() || !cy.isEmpty()) {
            o.putObject(field).put("en", en).put("cy", cy);
        }
    }
}
