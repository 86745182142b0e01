package org.engagebot.consultations;

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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.OneLanguagePublishing;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff API under /api/consultations: create, publish, results, responses (JSON or CSV), tags, outcome. */
@Controller("/api/consultations")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ConsultationController {
    private final ConsultationService service;
    private final ResponseStore responses;
    private final OutcomeDelivery outcomes;
    private final ConsultationTexts texts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ConsultationController(ConsultationService service, ResponseStore responses, OutcomeDelivery outcomes,
                           ConsultationTexts texts, Outbox outbox, AuditLog audit, Clock clock) {
        this.service = service;
        this.responses = responses;
        this.outcomes = outcomes;
        this.texts = texts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    record Created(long id, String reference, boolean needsTranslation) {
    }

    @Serdeable
    record Problem(String error) {
    }

    /** A refused request: what is wrong and the request's field it is in. */
    @Serdeable
    record FieldProblem(String error, String field) {
    }

    @Serdeable
    record Published(long id, String reference, Map<String, Integer> invited) {
    }

    @Serdeable
    record Tags(List<String> tags) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(@Body String body, Principal principal) {
        ConsultationRequest.Result r = ConsultationRequest.read(body, clock.instant());
        if (r.error() != null) {
            return HttpResponse.badRequest(new FieldProblem(r.error(), r.field()));
        }
        OneLanguagePublishing.Fields one = OneLanguagePublishing.fromJson(body);
        if (one.given() && OneLanguagePublishing.invalid(one).isPresent()) {
            return unprocessable(OneLanguagePublishing.invalid(one).get());
        }
        Consultation c = service.create(r.consultation(), principal.getName());
        if (one.given()) {
            service.declareOneLanguage(c, one, principal.getName());
        }
        return HttpResponse.created(new Created(c.id(), c.reference(), c.needsTranslation()));
    }

    @Get
    List<ConsultationView> list() {
        return service.all().stream().map(this::view).toList();
    }

    @Get("/{id}")
    HttpResponse<?> get(long id) {
        return service.byId(id).<HttpResponse<?>>map(c -> HttpResponse.ok(view(c))).orElse(HttpResponse.notFound());
    }

    /** 422 naming the field: a text in one language without the reason the Welsh Language Standards ask for. */
    static HttpResponse<?> unprocessable(OneLanguagePublishing.Refusal r) {
        return HttpResponse.unprocessableEntity().body(Map.of("error", r.message(), "message", r.message(), "field", r.field()));
    }

    @Post("/{id}/publish")
    HttpResponse<?> publish(long id, @Nullable @Body String body, Principal principal) {
        Optional<Consultation> c = service.byId(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound();
        }
        OneLanguagePublishing.Fields one = OneLanguagePublishing.fromJson(body);
        if (one.given()) {
            Optional<OneLanguagePublishing.Refusal> wrong = service.declareOneLanguage(c.get(), one, principal.getName());
            if (wrong.isPresent()) {
                return unprocessable(wrong.get());
            }
        }
        if (!c.get().published() && service.untranslated(c.get()).isPresent()) {
            return unprocessable(service.untranslated(c.get()).get());
        }
        return service.publish(id, principal.getName()).<HttpResponse<?>>map(n -> HttpResponse.ok(
                new Published(id, c.get().reference(), n))).orElse(HttpResponse.status(HttpStatus.CONFLICT)
                .body(new Problem("already published")));
    }

    @Get("/{id}/results")
    HttpResponse<?> results(long id) {
        return service.byId(id).<HttpResponse<?>>map(c -> HttpResponse.ok(Results.of(c, responses.current(id), texts)))
                .orElse(HttpResponse.notFound());
    }

    @Get("/{id}/responses")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> responses(long id, @Nullable @Header("Accept") String accept, Principal principal) {
        Optional<Consultation> c = service.byId(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound();
        }
        List<ResponseView> views = responses.all(id).stream().map(r -> ResponseView.of(c.get(), r, texts)).toList();
        boolean csv = accept != null && accept.contains("text/csv");
        audit.record(principal.getName(), "consultation.export", c.get().reference(),
                views.size() + " responses as " + (csv ? "CSV" : "JSON"));
        if (csv) {
            return HttpResponse.ok(ResponseCsv.write(c.get(), views)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + c.get().reference() + "-responses.csv\"");
        }
        return HttpResponse.ok(views).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/{id}/responses/{rid}/tags")
    HttpResponse<?> tag(long id, long rid, @Body Tags body, Principal principal) {
        Optional<Consultation> c = service.byId(id);
        Optional<Response> r = responses.byId(id, rid);
        if (c.isEmpty() || r.isEmpty()) {
            return HttpResponse.notFound();
        }
        List<String> tags = body.tags() == null ? List.of() : body.tags().stream().map(String::strip)
                .filter(t -> !t.isEmpty() && !t.contains(",")).distinct().toList();
        responses.setTags(rid, tags);
        audit.record(principal.getName(), "consultation.tag", c.get().reference() + " R-" + rid, String.join(",", tags));
        return HttpResponse.ok(ResponseView.of(c.get(), responses.byId(id, rid).orElseThrow(), texts));
    }

    @Post(value = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> outcome(long id, @Body String body, Principal principal) {
        if (service.byId(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        Text text = ConsultationRequest.readText(body, "text");
        if (text == null) {
            return HttpResponse.badRequest(new Problem("text must be a string or an object with both \"en\" and \"cy\""));
        }
        return outcomes.deliver(id, text, principal.getName()).<HttpResponse<?>>map(n -> HttpResponse.ok(Map.of("told", n)))
                .orElse(HttpResponse.status(HttpStatus.CONFLICT).body(new Problem("not published, or outcome already given")));
    }

    private ConsultationView view(Consultation c) {
        return ConsultationView.of(c, outbox.batchCounts(Invitations.BATCH, c.id()), responses.current(c.id()).size());
    }
}
