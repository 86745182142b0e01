package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;
import org.engagebot.platform.OneLanguagePublishing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events feature's public face for the staff API, the console, the dashboard and the report: create, invite,
 * the RSVPs and questions, attendance, the record and the feedback. Every change is audited.
 */
@Singleton
public class EventService {
    private final EventStore store;
    private final RsvpStore rsvps;
    private final QuestionStore questions;
    private final Invitations invitations;
    private final FeedbackDelivery feedback;
    private final EventTexts texts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;
    private final OneLanguagePublishing oneLanguage;
    static final String KIND = "event";

    EventService(EventStore store, RsvpStore rsvps, QuestionStore questions, Invitations invitations,
                 FeedbackDelivery feedback, EventTexts texts, Outbox outbox, AuditLog audit, Transactions tx, Clock clock,
                 OneLanguagePublishing oneLanguage) {
        this.oneLanguage = oneLanguage;
        this.store = store;
        this.rsvps = rsvps;
        this.questions = questions;
        this.invitations = invitations;
        this.feedback = feedback;
        this.texts = texts;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A new event, or why the request (the JSON of POST /api/events) was refused. */
    public record Created(Event event, String error) {
    }

    public Created create(String json, String actor) {
        Instant now = clock.instant();
        EventRequest.Result r = EventRequest.read(json, now);
        if (r.error() != null) {
            return new Created(null, r.error());
        }
        OneLanguagePublishing.Fields one = OneLanguagePublishing.fromJson(json);
        if (one.given() && OneLanguagePublishing.invalid(one).isPresent()) {
            return new Created(null, OneLanguagePublishing.invalid(one).get().message());
        }
        long id = tx.write(() -> {
            String reference = store.nextReference(r.event().startsAt().atZone(EventRequest.ZONE).getYear());
            long newId = store.insert(r.event(), reference, actor, now);
            audit.record(actor, "event.create", reference, r.event().needsTranslation() ? "needs translation" : null);
            return newId;
        });
        Event created = store.byId(id).orElseThrow();
        if (one.given()) {
            oneLanguage.declare(KIND, id, created.reference(), one, actor);
        }
        return new Created(created, null);
    }

    /** Records why this event goes out in one language; a refusal when the declaration is invalid. */
    public Optional<OneLanguagePublishing.Refusal> declareOneLanguage(Event e, OneLanguagePublishing.Fields f, String actor) {
        return oneLanguage.declare(KIND, e.id(), e.reference(), f, actor);
    }

    /** The reason given for sending it in one language, if any. */
    public Optional<OneLanguagePublishing.Declared> oneLanguageReason(Event e) {
        return oneLanguage.declared(KIND, e.id());
    }

    /** Why it may not be sent yet: a text serves both languages and no reason was given. */
    public Optional<OneLanguagePublishing.Refusal> untranslated(Event e) {
        return oneLanguage.refusal(KIND, e.id(), e.needsTranslation());
    }

    public List<Event> all() {
        return store.all();
    }

    public Optional<Event> find(long id) {
        return store.byId(id);
    }

    /** Invitations queued per channel; empty when there is no such event or it was already sent. */
    public Optional<Map<String, Integer>> invite(long id, String actor) {
        Instant now = clock.instant();
        Optional<Map<String, Integer>> sent = tx.write(() -> {
            Optional<Event> e = store.byId(id);
            if (e.isEmpty() || !e.get().startsAt().isAfter(now) || untranslated(e.get()).isPresent()
                    || !store.markInvited(id, now)) {
                return Optional.empty();
            }
            Map<String, Integer> counts = invitations.send(store.byId(id).orElseThrow(), now);
            audit.record(actor, "event.invite", e.get().reference(), "invited " + counts);
            oneLanguage.published(KIND, id);
            return Optional.of(counts);
        });
        if (sent.isPresent()) {
            outbox.wake("email");
            outbox.wake("telegram");
        }
        return sent;
    }

    public EventViews.EventView view(Event e) {
        Map<String, Long> byAnswer = new LinkedHashMap<>();
        byAnswer.put("yes", 0L);
        byAnswer.put("no", 0L);
        byAnswer.put("maybe", 0L);
        List<Rsvp> all = rsvps.all(e.id());
        all.forEach(r -> byAnswer.merge(r.answer().value(), 1L, Long::sum));
        List<Question> qs = questions.all(e.id());
        return new EventViews.EventView(e.id(), e.reference(), e.title(), e.description(), EventViews.iso(e.startsAt()),
                EventViews.iso(e.endsAt()), e.place(), e.access(), e.online(), e.capacity(), e.audience(),
                EventViews.iso(e.questionsCloseAt()), e.needsTranslation(), EventViews.iso(e.invitedAt()),
                outbox.batchCounts(Invitations.BATCH, e.id()), byAnswer, all.stream().filter(Rsvp::waitlisted).count(),
                all.stream().filter(r -> Boolean.TRUE.equals(r.attended())).count(), qs.size(),
                qs.stream().filter(q -> q.answeredAt() != null).count(), e.notes(), e.recordingUrl(), e.feedback(),
                texts.pageUrl(e, null), texts.formUrl(e.rsvpFlowId(), null), texts.formUrl(e.questionFlowId(), null));
    }

    public List<EventViews.RsvpView> rsvps(Event e) {
        return rsvps.all(e.id()).stream().map(r -> new EventViews.RsvpView(r.id(), EventViews.Contact.of(r.person()),
                r.person().via(), r.answer().value(), r.accessNeeds(), r.translation(), r.dietary(), r.waitlisted(),
                r.waitlisted() ? rsvps.positionOf(r) : null, r.attended(),
                r.language() == null ? null : r.language().code(), EventViews.iso(r.answeredAt()))).toList();
    }

    List<Question> questions(Event e) {
        return questions.all(e.id());
    }

    /** The questions, grouped by theme (unthemed last), as the briefing lists them. */
    public List<EventViews.QuestionView> questionViews(Event e) {
        return questions.all(e.id()).stream().map(EventViews.QuestionView::of).toList();
    }

    /** The briefing as formula-safe CSV (audited). */
    public String briefingCsv(Event e, String actor) {
        List<Question> qs = questions.all(e.id());
        audit.record(actor, "event.briefing", e.reference(), qs.size() + " questions as CSV");
        return BriefingCsv.write(qs);
    }

    /** Marks someone as attended or not; false when there is no such RSVP. */
    public boolean attendance(Event e, long rsvpId, Boolean attended, String actor) {
        return tx.write(() -> {
            boolean done = rsvps.setAttended(e.id(), rsvpId, attended);
            if (done) {
                audit.record(actor, "event.attendance", e.reference() + " A-" + rsvpId, String.valueOf(attended));
            }
            return done;
        });
    }

    /** Sets a question's theme (blank clears it) and whether it was answered; false when there is no such question. */
    public boolean question(Event e, long questionId, String theme, Boolean answered, String actor) {
        return tx.write(() -> {
            Optional<Question> q = questions.byId(e.id(), questionId);
            if (q.isEmpty()) {
                return false;
            }
            String t = theme == null ? q.get().theme() : theme.isBlank() ? null : theme.strip();
            Instant at = answered == null ? q.get().answeredAt() : answered ? clock.instant() : null;
            questions.update(e.id(), questionId, t, at);
            audit.record(actor, "event.question", e.reference() + " Q-" + questionId, t);
            return true;
        });
    }

    public void record(Event e, String notes, String recordingUrl, String actor) {
        tx.run(() -> {
            store.setRecord(e.id(), notes, recordingUrl);
            audit.record(actor, "event.record", e.reference(), recordingUrl == null ? null : "with recording");
        });
    }

    /** People told; empty when there is no such event or feedback was already given. */
    public Optional<Integer> feedback(long id, Text text, String actor) {
        return feedback.deliver(id, text, actor);
    }

    /** Counts for the dashboard and the engagement report. */
    public record Summary(long events, long upcoming, long invited, long yes, long waitlisted, long attended,
                          long questions, long questionsAnswered) {
    }

    public Summary summary(Instant from, Instant to) {
        long events = 0;
        long upcoming = 0;
        long invited = 0;
        long yes = 0;
        long waiting = 0;
        long attended = 0;
        long asked = 0;
        long answered = 0;
        Instant now = clock.instant();
        for (Event e : store.all()) {
            if (e.startsAt().isBefore(from) || !e.startsAt().isBefore(to)) {
                continue;
            }
            events++;
            upcoming += e.startsAt().isAfter(now) ? 1 : 0;
            invited += rsvps.invited(e.id());
            for (Rsvp r : rsvps.all(e.id())) {
                yes += r.placed() ? 1 : 0;
                waiting += r.waitlisted() ? 1 : 0;
                attended += Boolean.TRUE.equals(r.attended()) ? 1 : 0;
            }
            for (Question q : questions.all(e.id())) {
                asked++;
                answered += q.answeredAt() != null ? 1 : 0;
            }
        }
        return new Summary(events, upcoming, invited, yes, waiting, attended, asked, answered);
    }
}
