package org.engagebot.newsletters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.platform.OneLanguagePublishing;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Staff API for newsletters; see {@link NewsletterRequest} for the body of POST /api/newsletters. */
@Controller("/api/newsletters")
@Secured(SecurityRule.IS_AUTHENTICATED)
class NewsletterController {
    private final NewsletterService newsletters;
    private final NewsletterInsights insights;

    NewsletterController(NewsletterService newsletters, NewsletterInsights insights) {
        this.newsletters = newsletters;
        this.insights = insights;
    }

    @Serdeable
    record Created(long id) {
    }

    @Serdeable
    record Summary(long id, String kind, String status, String title, List<String> tags, Instant sendAt, Instant sentAt) {
    }

    @Post
    HttpResponse<?> create(@Body String json, Principal principal) {
        NewsletterRequest.Parsed parsed = NewsletterRequest.parse(json);
        if (parsed instanceof NewsletterRequest.Invalid invalid) {
            return HttpResponse.badRequest(Map.of("error", invalid.error()));
        }
        NewsletterRequest r = ((NewsletterRequest.Ok) parsed).request();
        OneLanguagePublishing.Fields one = OneLanguagePublishing.fromJson(json);
        if (one.given() && OneLanguagePublishing.invalid(one).isPresent()) {
            return unprocessable(OneLanguagePublishing.invalid(one).get());
        }
        long id = newsletters.create(Newsletter.Kind.NEWSLETTER, r.title(), r.body(), r.tags(), r.audience(), principal.getName());
        if (one.given()) {
            newsletters.declareOneLanguage(id, one, principal.getName());
        }
        return HttpResponse.created(new Created(id));
    }

    /** 422 naming the field, e.g. a text in one language without the reason the Welsh Language Standards ask for. */
    static HttpResponse<?> unprocessable(OneLanguagePublishing.Refusal r) {
        return HttpResponse.unprocessableEntity().body(Map.of("error", r.message(), "message", r.message(), "field", r.field()));
    }

    @Get
    List<Summary> list() {
        return newsletters.recent(200).stream().map(n -> new Summary(n.id(), n.kind().name(), n.status().name(),
                n.title().en(), n.tags(), n.sendAt(), n.sentAt())).toList();
    }

    @Post("/{id}/send")
    HttpResponse<?> send(@PathVariable long id, @Nullable @Body Map<String, String> body, Principal principal) {
        OneLanguagePublishing.Fields one = body == null ? new OneLanguagePublishing.Fields(null, null)
                : new OneLanguagePublishing.Fields(body.get("onlyLanguage"), body.get("onlyBecause"));
        if (one.given() && newsletters.byId(id).isPresent()) {
            java.util.Optional<OneLanguagePublishing.Refusal> wrong = newsletters.declareOneLanguage(id, one, principal.getName());
            if (wrong.isPresent()) {
                return unprocessable(wrong.get());
            }
        }
        Instant at = null;
        String when = body == null ? null : body.get("at");
        if (when != null && !when.isBlank()) {
            try {
                at = Instant.parse(when.strip());
            } catch (DateTimeParseException e) {
                return HttpResponse.badRequest(Map.of("error", "at must be an ISO instant, e.g. 2026-12-01T09:00:00Z"));
            }
        }
        NewsletterService.SendOutcome outcome = newsletters.send(id, at, principal.getName());
        if (outcome == NewsletterService.SendOutcome.NOT_FOUND) {
            return HttpResponse.notFound(Map.of("error", "no newsletter " + id));
        }
        if (outcome == NewsletterService.SendOutcome.NOT_BILINGUAL) {
            return unprocessable(newsletters.untranslated(id).orElseThrow());
        }
        if (outcome == NewsletterService.SendOutcome.ALREADY_SENDING) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT).body(Map.of("error", "already sending or sent"));
        }
        return HttpResponse.accepted().body(newsletters.progress(id).orElseThrow());
    }

    @Get("/{id}")
    HttpResponse<NewsletterService.Progress> progress(@PathVariable long id) {
        return newsletters.progress(id).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Get("/{id}/audience")
    HttpResponse<NewsletterInsights.AudienceCounts> audience(@PathVariable long id) {
        return insights.audience(id).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Get("/{id}/preview")
    HttpResponse<NewsletterInsights.Preview> preview(@PathVariable long id, @QueryValue long contactId,
                                                     @Nullable @QueryValue String channel) {
        return insights.preview(id, contactId, channel == null ? "email" : channel).map(HttpResponse::ok)
                .orElseGet(HttpResponse::notFound);
    }

    /** One page of recipients in outbox order: pass the last id seen as {@code after}; {@code status} filters. */
    @Get("/{id}/recipients")
    HttpResponse<?> recipients(@PathVariable long id, @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit,
                               @Nullable @QueryValue String status) {
        if (newsletters.byId(id).isEmpty()) {
            return HttpResponse.notFound(Map.of("error", "no newsletter " + id));
        }
        int size = limit == null ? 1000 : Math.max(1, Math.min(limit, 10000));
        return insights.recipients(id, status == null ? null : status.strip().toLowerCase(java.util.Locale.ROOT),
                        after == null ? 0 : after, size).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.badRequest(Map.of("error", "status must be queued, sent, failed or bounced")));
    }
}
