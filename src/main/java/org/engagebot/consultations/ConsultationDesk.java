package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff console's way into consultations: the operations the staff API offers (create from the same JSON,
 * publish, results, responses, CSV, tags, outcome), with the same audit records.
 */
@Singleton
public class ConsultationDesk {
    private final ConsultationService service;
    private final ResponseStore responses;
    private final OutcomeDelivery outcomes;
    private final ConsultationTexts texts;
    private final AuditLog audit;
    private final Clock clock;

    ConsultationDesk(ConsultationService service, ResponseStore responses, OutcomeDelivery outcomes,
                     ConsultationTexts texts, AuditLog audit, Clock clock) {
        this.service = service;
        this.responses = responses;
        this.outcomes = outcomes;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new draft's id, or the reason the request (same JSON as POST /api/consultations) was refused. */
    public record Created(Long id, String reference, String error) {
    }

    public Created create(String json, String actor) {
        ConsultationRequest.Result r = ConsultationRequest.read(json, clock.instant());
        if (r.error() != null) {
            return new Created(null, null, r.error());
        }
        Consultation c = service.create(r.consultation(), actor);
        return new Created(c.id(), c.reference(), null);
    }

    public List<Consultation> all() {
        return service.all();
    }

    public Optional<Consultation> find(long id) {
        return service.byId(id);
    }

    /** Invitations sent per channel; empty when missing or already published. */
    public Optional<Map<String, Integer>> publish(long id, String actor) {
        return service.publish(id, actor);
    }

    public int respondents(long id) {
        return responses.current(id).size();
    }

    public Results results(Consultation c) {
        return Results.of(c, responses.current(c.id()), texts);
    }

    public List<ResponseView> responses(Consultation c) {
        return responses.all(c.id()).stream().map(r -> ResponseView.of(c, r, texts)).toList();
    }

    /** One response as staff see it (with any flag and the mail server's verdict). */
    public Optional<ResponseView> response(long consultationId, long responseId) {
        return service.byId(consultationId).flatMap(c -> responses.byId(consultationId, responseId)
                .map(r -> ResponseView.of(c, r, texts)));
    }

    /** The inbox id of an email response (for its raw message), if it came by email. */
    public Optional<Long> inboxId(long consultationId, long responseId) {
        return responses.byId(consultationId, responseId).map(Response::inboxId);
    }

    public String csv(Consultation c, String actor) {
        List<ResponseView> views = responses(c);
        audit.record(actor, "consultation.export", c.reference(), views.size() + " responses as CSV");
        return ResponseCsv.write(c, views);
    }

    public boolean tag(Consultation c, long responseId, List<String> tags, String actor) {
        if (responses.byId(c.id(), responseId).isEmpty()) {
            return false;
        }
        List<String> clean = tags.stream().map(String::strip).filter(t -> !t.isEmpty() && !t.contains(",")).distinct().toList();
        responses.setTags(responseId, clean);
        audit.record(actor, "consultation.tag", c.reference() + " R-" + responseId, String.join(",", clean));
        return true;
    }

    /** Respondents told; empty when not published or the outcome was already given. */
    public Optional<Integer> outcome(long id, Text text, String actor) {
        return outcomes.deliver(id, text, actor);
    }
}
