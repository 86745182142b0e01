package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Reachability;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.OneLanguagePublishing;

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
    private final Reachability audience;

    ConsultationDesk(ConsultationService service, ResponseStore responses, OutcomeDelivery outcomes,
                     ConsultationTexts texts, AuditLog audit, Clock clock, Reachability audience) {
        this.audience = audience;
        this.service = service;
        this.responses = responses;
        this.outcomes = outcomes;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new draft's id, or the reason the request (same JSON as POST /api/consultations) was refused and its field. */
    public record Created(Long id, String reference, String error, String field) {
    }

    public Created create(String json, String actor) {
        ConsultationRequest.Result r = ConsultationRequest.read(json, clock.instant());
        if (r.error() != null) {
            return new Created(null, null, r.error(), r.field());
        }
        OneLanguagePublishing.Fields one = OneLanguagePublishing.fromJson(json);
        if (one.given() && OneLanguagePublishing.invalid(one).isPresent()) {
            return new Created(null, null, OneLanguagePublishing.invalid(one).get().message(),
                    OneLanguagePublishing.invalid(one).get().field());
        }
        Consultation c = service.create(r.consultation(), actor);
        if (one.given()) {
            service.declareOneLanguage(c, one, actor);
        }
        return new Created(c.id(), c.reference(), null, null);
    }

    /** Why it may not be published yet (one language, no reason given). */
    public Optional<OneLanguagePublishing.Refusal> untranslated(Consultation c) {
        return service.untranslated(c);
    }

    /** The reason given for publishing in one language, if any. */
    public Optional<OneLanguagePublishing.Declared> oneLanguage(Consultation c) {
        return service.oneLanguageReason(c);
    }

    /** Invitations one channel would carry, by the reader's language (none recorded: both languages together). */
    public record ChannelAudience(String channel, long welsh, long english, long both) {
        public long total() {
            return welsh + english + both;
        }
    }

    /** Who publishing would invite now: distinct contacts, and invitations per channel and language. */
    public record AudienceCounts(long contacts, List<ChannelAudience> channels) {
        public long total() {
            return channels.stream().mapToLong(ChannelAudience::total).sum();
        }

        public long on(String channel) {
            return channels.stream().filter(c -> c.channel().equals(channel)).mapToLong(ChannelAudience::total).sum();
        }
    }

    public AudienceCounts audience(Consultation c) {
        // the same rule and filter Invitations uses when the consultation is published
        List<Reachability.Reachable> targets = audience.all(Reachability.Purpose.ENGAGEMENT, c.audience().filter());
        List<ChannelAudience> channels = new java.util.ArrayList<>();
        for (String channel : List.of("email", "telegram")) {
            List<Reachability.Reachable> on = targets.stream().filter(t -> t.channel().equals(channel)).toList();
            channels.add(new ChannelAudience(channel, on.stream().filter(t -> t.language() == Language.CY).count(),
                    on.stream().filter(t -> t.language() == Language.EN).count(),
                    on.stream().filter(t -> t.language() == null).count()));
        }
        return new AudienceCounts(targets.stream().map(Reachability.Reachable::contactId).distinct().count(), channels);
    }

    /** Who answered (one current response per person): by channel, by language, and the contacts among them. */
    public record Breakdown(long respondents, Map<String, Long> byChannel, Map<String, Long> byLanguage, List<Long> contactIds) {
    }

    public Breakdown breakdown(Consultation c) {
        List<Response> current = responses.current(c.id());
        Map<String, Long> channels = new java.util.TreeMap<>();
        Map<String, Long> languages = new java.util.TreeMap<>();
        for (Response r : current) {
            channels.merge(r.channel(), 1L, Long::sum);
            languages.merge(r.language() == null ? "not known" : r.language() == Language.CY ? "Welsh" : "English", 1L, Long::sum);
        }
        return new Breakdown(current.size(), channels, languages,
                current.stream().map(Response::contactId).filter(java.util.Objects::nonNull).distinct().toList());
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
