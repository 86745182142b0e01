package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.engagebot.events.meetings.MeetingService;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The meetings register in the console (issue #18): register a partner or panel meeting, list them with their next
 * sitting and notices, send a notice now, or move a sitting with the alternative-date notice. Same rules and audit
 * as POST /api/meetings, through {@link MeetingService}.
 */
@Controller("/console/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeetingsConsoleController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MeetingService meetings;

    MeetingsConsoleController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Get
    Object list(Authentication who) {
        return page(who, null, null, Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object register(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        MeetingService.Registered r = meetings.register(json(form), who.getName());
        return r.error() != null ? page(who, r.error(), null, form) : Page.redirect("/console/meetings#m" + r.id());
    }

    @Post(value = "/{id}/notice", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object notice(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String when = Page.nz(form.get("alternativeAt"));
        if (when.isEmpty()) {
            Optional<Integer> sent = meetings.sendNotice(id, who.getName());
            return page(who, null, sent.map(n -> Page.text(who).f("meetings.done.notice", n)).orElse(null), Map.of());
        }
        Optional<Instant> to = NewslettersController.ukTime(when);
        Optional<Integer> moved = to.flatMap(t -> meetings.moveSitting(id, t, Page.nz(form.get("reason")), who.getName()));
        return moved.isEmpty() ? page(who, Page.text(who).m("meetings.problem.alternative"), null, form)
                : page(who, null, Page.text(who).f("meetings.done.alternative", moved.get()), Map.of());
    }

    private Object page(Authentication who, String error, String done, Map<String, String> typed) {
        return Page.of("meetings", who, "events", "meetings", meetings.summaries(), "error", error, "done", done,
                "f", typed);
    }

    /** The form as the JSON of POST /api/meetings; the next sitting is UK time, attendees one a line or comma-separated. */
    static String json(Map<String, String> form) {
        ObjectNode o = JSON.createObjectNode();
        for (String f : new String[]{"name", "body", "lead", "purpose", "frequency", "place"}) {
            if (!Page.nz(form.get(f)).isEmpty()) {
                o.put(f, Page.nz(form.get(f)));
            }
        }
        NewslettersController.ukTime(form.get("nextAt")).ifPresent(t -> o.put("nextAt", t.toString()));
        ArrayNode attendees = o.putArray("attendees");
        for (String a : Page.nz(form.get("attendees")).split("[,;\\s]+")) {
            if (!a.isBlank()) {
                attendees.add(a.strip());
            }
        }
        if (Page.nz(form.get("noticeDays")).matches("\\d{1,2}")) {
            o.put("noticeDays", Integer.parseInt(Page.nz(form.get("noticeDays"))));
        }
        o.put("public", form.containsKey("public"));
        return o.toString();
    }
}
