package org.engagebot.enquiries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.util.Set;

/**
 * Staff API for messages to the office: {@code GET /api/enquiries?status=open|replied|closed},
 * {@code GET /api/enquiries/{id}}, {@code POST /api/enquiries/{id}/reply {"text": "…"}} (or
 * {@code {"text": {"en": "…", "cy": "…"}}}: the sender gets their language) and {@code POST /api/enquiries/{id}/close}.
 */
@Controller("/api/enquiries")
@Secured(SecurityRule.IS_AUTHENTICATED)
class EnquiryController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("open", "replied", "closed");
    private static final int MAX_REPLY = 3500;

    private final EnquiryService enquiries;

    EnquiryController(EnquiryService enquiries) {
        this.enquiries = enquiries;
    }

    @Serdeable
    record Problem(String error) {
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String status) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            return HttpResponse.badRequest(new Problem("status must be one of open, replied, closed"));
        }
        return HttpResponse.ok(enquiries.list(status == null || status.isBlank() ? null : status));
    }

    @Get("/{id}")
    HttpResponse<?> one(long id) {
        return enquiries.find(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(new Problem("no enquiry " + id)));
    }

    @Post("/{id}/reply")
    HttpResponse<?> reply(long id, @Body String body, Authentication who) {
        Text text = text(body);
        if (text == null) {
            return HttpResponse.badRequest(new Problem("give the reply as {\"text\": \"…\"} or {\"text\": {\"en\": \"…\", "
                    + "\"cy\": \"…\"}}, up to " + MAX_REPLY + " characters"));
        }
        EnquiryService.Replied replied = enquiries.reply(id, text, who.getName());
        if (replied instanceof EnquiryService.Replied.Sent sent) {
            return HttpResponse.ok(sent.enquiry());
        }
        if (replied instanceof EnquiryService.Replied.NotFound) {
            return HttpResponse.notFound(new Problem("no enquiry " + id));
        }
        return HttpResponse.status(HttpStatus.GONE).body(new Problem("the sender can no longer be reached"));
    }

    @Post("/{id}/close")
    HttpResponse<?> close(long id, Authentication who) {
        if (enquiries.close(id, who.getName())) {
            return HttpResponse.ok(enquiries.find(id).orElseThrow());
        }
        return enquiries.find(id).<HttpResponse<?>>map(e -> HttpResponse.status(HttpStatus.CONFLICT)
                .body(new Problem("already closed"))).orElseGet(() -> HttpResponse.notFound(new Problem("no enquiry " + id)));
    }

    /** The reply's text: one string (sent as it is, whatever the sender's language) or {en, cy}. */
    private static Text text(String body) {
        try {
            JsonNode t = JSON.readTree(body == null ? "" : body).path("text");
            Text text = t.isTextual() ? Text.of(t.asText().strip(), t.asText().strip())
                    : t.isObject() && t.path("en").isTextual() && t.path("cy").isTextual()
                    ? Text.of(t.get("en").asText().strip(), t.get("cy").asText().strip()) : null;
            return text == null || text.en().isEmpty() || text.cy().isEmpty()
                    || Math.max(text.en().length(), text.cy().length()) > MAX_REPLY ? null : text;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
