package org.engagebot.events.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.events.EventTimes;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff API under /api/meetings: register, list, one meeting, papers for the next sitting (JSON with base64
 * content), the notice now, or an alternative date ({"alternativeAt", "reason"?} on the notice call), and the
 * caller's own signed calendar feed URL.
 */
@Controller("/api/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeetingController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeetingService service;

    MeetingController(MeetingService service) {
        this.service = service;
    }

    @Serdeable
    record Problem(String error) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PaperView(long id, String filename, String contentType, long size) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoticeView(String kind, String meetingAt, String sentAt, int recipients, int papers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MeetingView(long id, String name, String body, @Nullable String lead, @Nullable String purpose,
                       String frequency, String nextAt, @Nullable String place, List<String> attendees, int noticeDays,
                       String noticeDueAt, boolean noticeSent, boolean isPublic, List<PaperView> papers,
                       List<NoticeView> notices) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> register(@Body String body, Principal principal) {
        MeetingService.Registered r = service.register(body, principal.getName());
        if (r.error() != null) {
            return HttpResponse.badRequest(new Problem(r.error()));
        }
        return HttpResponse.created(view(service.find(r.id()).orElseThrow()));
    }

    @Get
    List<MeetingView> list() {
        return service.all().stream().map(this::view).toList();
    }

    @Get("/feed")
    Map<String, String> myFeed(Principal principal) {
        return Map.of("url", service.feedUrl(principal.getName()));
    }

    @Get("/{id}")
    HttpResponse<?> get(long id) {
        return service.find(id).<HttpResponse<?>>map(m -> HttpResponse.ok(view(m))).orElse(HttpResponse.notFound());
    }

    @Post(value = "/{id}/papers", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> paper(long id, @Body String body, Principal principal) {
        Optional<Meeting> m = service.find(id);
        JsonNode root = object(body);
        if (m.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (root == null) {
            return HttpResponse.badRequest(new Problem("body must be {\"filename\", \"contentType\"?, \"content\": base64}"));
        }
        MeetingService.Added added = service.addPaper(m.get(), root.path("filename").asText(null),
                root.path("contentType").asText(null), root.path("content").asText(null), principal.getName());
        return added.error() != null ? HttpResponse.badRequest(new Problem(added.error()))
                : HttpResponse.created(view(service.find(id).orElseThrow()));
    }

    @Post("/{id}/notice")
    HttpResponse<?> notice(long id, @Nullable @Body String body, Principal principal) {
        Optional<Meeting> m = service.find(id);
        if (m.isEmpty()) {
            return HttpResponse.notFound();
        }
        JsonNode root = body == null || body.isBlank() ? JSON.createObjectNode() : object(body);
        if (root == null) {
            return HttpResponse.badRequest(new Problem("body must be empty or {\"alternativeAt\"?, \"reason\"?}"));
        }
        if (!root.hasNonNull("alternativeAt")) {
            int n = service.noticeNow(m.get(), principal.getName());
            return HttpResponse.ok(Map.of("sent", n, "kind", "notice"));
        }
        Instant to = EventTimes.parse(root.get("alternativeAt").asText().strip());
        String reason = root.hasNonNull("reason") ? root.get("reason").asText().strip() : null;
        Optional<Integer> n = to == null ? Optional.empty() : service.alternative(m.get(), to, reason, principal.getName());
        return n.<HttpResponse<?>>map(x -> HttpResponse.ok(Map.of("sent", x, "kind", "alternative",
                "nextAt", EventTimes.iso(to)))).orElse(HttpResponse.badRequest(new Problem(
                "alternativeAt must be an ISO-8601 time in the future")));
    }

    private MeetingView view(Meeting m) {
        return new MeetingView(m.id(), m.name(), m.body(), m.lead(), m.purpose(), m.frequency().en,
                EventTimes.iso(m.nextAt()), m.place(), m.attendees(), m.noticeDays(), EventTimes.iso(m.noticeDueAt()),
                m.noticed(), m.isPublic(), service.papers(m).stream().map(p -> new PaperView(p.id(), p.filename(),
                p.contentType(), p.size())).toList(), service.notices(m).stream().map(n -> new NoticeView(n.kind(),
                EventTimes.iso(n.meetingAt()), EventTimes.iso(n.sentAt()), n.recipients(), n.papers())).toList());
    }

    private static JsonNode object(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }
}
