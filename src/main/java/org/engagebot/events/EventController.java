package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff API under /api/events: create, list, invite, RSVPs, attendance, questions (JSON, or the briefing as CSV
 * with Accept: text/csv), themes, the record after the event, and "you said, we did" feedback.
 */
@Controller("/api/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {
    private final EventService service;
    private final AuditLog audit;

    EventController(EventService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    @Serdeable
    record Created(long id, String reference, boolean needsTranslation) {
    }

    @Serdeable
    record Problem(String error) {
    }

    @Serdeable
    record Invited(long id, String reference, Map<String, Integer> invited) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(@Body String body, Principal principal) {
        EventService.Created c = service.create(body, principal.getName());
        if (c.error() != null) {
            return HttpResponse.badRequest(new Problem(c.error()));
        }
        return HttpResponse.created(new Created(c.event().id(), c.event().reference(), c.event().needsTranslation()));
    }

    @Get
    List<EventViews.EventView> list() {
        return service.all().stream().map(service::view).toList();
    }

    @Get("/{id}")
    HttpResponse<?> get(long id) {
        return service.find(id).<HttpResponse<?>>map(e -> HttpResponse.ok(service.view(e))).orElse(HttpResponse.notFound());
    }

    @Post("/{id}/invite")
    HttpResponse<?> invite(long id, @io.micronaut.core.annotation.Nullable @Body String body, Principal principal) {
        Optional<Event> e = service.find(id);
        if (e.isEmpty()) {
            return HttpResponse.notFound();
        }
        org.engagebot.platform.OneLanguagePublishing.Fields one = org.engagebot.platform.OneLanguagePublishing.fromJson(body);
        Optional<org.engagebot.platform.OneLanguagePublishing.Refusal> wrong = one.given()
                ? service.declareOneLanguage(e.get(), one, principal.getName()) : service.untranslated(e.get());
        if (wrong.isEmpty() && one.given()) {
            wrong = service.untranslated(e.get());
        }
        if (wrong.isPresent() && e.get().invitedAt() == null) {
            return HttpResponse.unprocessableEntity().body(Map.of("error", wrong.get().message(),
                    "message", wrong.get().message(), "field", wrong.get().field()));
        }
        return service.invite(id, principal.getName()).<HttpResponse<?>>map(n -> HttpResponse.ok(
                new Invited(id, e.get().reference(), n))).orElse(HttpResponse.status(HttpStatus.CONFLICT)
                .body(new Problem("already invited, or the event has started")));
    }

    @Get("/{id}/rsvps")
    HttpResponse<?> rsvps(long id) {
        return service.find(id).<HttpResponse<?>>map(e -> HttpResponse.ok(service.rsvps(e))).orElse(HttpResponse.notFound());
    }

    @Post(value = "/{id}/rsvps/{rid}/attendance", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> attendance(long id, long rid, @Body String body, Principal principal) {
        Optional<Event> e = service.find(id);
        JsonNode root = EventRequest.JsonText.object(body);
        if (e.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (root == null || !(root.path("attended").isBoolean() || root.path("attended").isNull())) {
            return HttpResponse.badRequest(new Problem("body must be {\"attended\": true|false|null}"));
        }
        Boolean attended = root.get("attended").isNull() ? null : root.get("attended").asBoolean();
        return service.attendance(e.get(), rid, attended, principal.getName()) ? HttpResponse.noContent()
                : HttpResponse.notFound();
    }

    @Get("/{id}/questions")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> questions(long id, @Nullable @Header("Accept") String accept, Principal principal) {
        Optional<Event> e = service.find(id);
        if (e.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (accept != null && accept.contains("text/csv")) {
            return HttpResponse.ok(service.briefingCsv(e.get(), principal.getName())).contentType("text/csv; charset=utf-8").header(
                    "Content-Disposition", "attachment; filename=\"" + e.get().reference() + "-questions.csv\"");
        }
        return HttpResponse.ok(service.questionViews(e.get()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(value = "/{id}/questions/{qid}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> question(long id, long qid, @Body String body, Principal principal) {
        Optional<Event> e = service.find(id);
        JsonNode root = EventRequest.JsonText.object(body);
        if (e.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (root == null) {
            return HttpResponse.badRequest(new Problem("body must be {\"theme\"?: text, \"answered\"?: true|false}"));
        }
        String theme = root.hasNonNull("theme") ? root.get("theme").asText() : null;
        Boolean answered = root.path("answered").isBoolean() ? root.get("answered").asBoolean() : null;
        if (theme != null && theme.length() > 100) {
            return HttpResponse.badRequest(new Problem("theme is longer than 100 characters"));
        }
        return service.question(e.get(), qid, theme, answered, principal.getName()) ? HttpResponse.noContent()
                : HttpResponse.notFound();
    }

    @Post(value = "/{id}/record", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> record(long id, @Body String body, Principal principal) {
        Optional<Event> e = service.find(id);
        JsonNode root = EventRequest.JsonText.object(body);
        if (e.isEmpty()) {
            return HttpResponse.notFound();
        }
        String recording = root == null || !root.hasNonNull("recordingUrl") ? null : root.get("recordingUrl").asText().strip();
        if (root == null || (recording != null && !recording.matches("(?i)https?://\\S+"))) {
            return HttpResponse.badRequest(new Problem("body must be {\"notes\"?: text, \"recordingUrl\"?: an http(s) link}"));
        }
        service.record(e.get(), root.hasNonNull("notes") ? root.get("notes").asText() : null, recording, principal.getName());
        return HttpResponse.ok(service.view(service.find(id).orElseThrow()));
    }

    @Post(value = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> feedback(long id, @Body String body, Principal principal) {
        if (service.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        Text text = EventRequest.JsonText.text(body, "text");
        if (text == null) {
            return HttpResponse.badRequest(new Problem("text must be a string or an object with both \"en\" and \"cy\""));
        }
        return service.feedback(id, text, principal.getName()).<HttpResponse<?>>map(n -> HttpResponse.ok(Map.of("told", n)))
                .orElse(HttpResponse.status(HttpStatus.CONFLICT).body(new Problem("feedback already given")));
    }
}
