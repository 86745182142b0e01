package org.engagebot.visits;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The visits feature's public face: applications, staff decisions, the yearly count and the public listing. */
@Singleton
public class VisitService {
    private final VisitStore store;
    private final ApplicationIntake intake;
    private final VisitDecisions decisions;
    private final ContactService contacts;
    private final VisitsConfig config;
    private final Clock clock;
    private final VisitNotifier notifier;
    private final org.engagebot.platform.AuditLog audit;

    VisitService(VisitStore store, ApplicationIntake intake, VisitDecisions decisions, ContactService contacts,
                 VisitsConfig config, Clock clock,
                 VisitNotifier notifier, org.engagebot.platform.AuditLog audit) {
        this.notifier = notifier;
        this.audit = audit;
        this.store = store;
        this.intake = intake;
        this.decisions = decisions;
        this.contacts = contacts;
        this.config = config;
        this.clock = clock;
    }

    /** The application these answers made, or the earlier one they repeat ({@code duplicate}). */
    public record Submitted(VisitApplication application, boolean duplicate) {
    }

    /** The outcome of a staff decision. */
    public sealed interface Decided {
        record Done(VisitApplication application, boolean applicantNotified) implements Decided {
        }

        record NotFound() implements Decided {
        }

        /**
         * @param field     the decision's field to fix (status, scheduledAt, place, note)
         * @param pastDate  the scheduled time is already past: well-formed but not possible (the API answers 422)
         */
        record Refused(String reason, String field, boolean pastDate) implements Decided {
        }
    }

    @Serdeable
    public record Summary(int year, int visited, int scheduled, int target) {
    }

    /** Records a completed visit flow; must run inside the inbound transaction. */
    public Submitted submit(Participant participant, Map<String, String> answers) {
        return intake.submit(participant, answers);
    }

    /**
     * An application staff enter from a form the applicant sent on paper or by email ({@code receivedAs} "paper" or
     * "email"), with answers already checked by the visit flow's rules. The history says who entered it and from
     * what; the applicant is told, on the participant's channel (their email) and language, that it is in.
     */
    public Submitted enterOnBehalf(Participant applicant, Map<String, String> answers, String receivedAs, String staff) {
        String from = "email".equals(receivedAs) ? "email" : "paper";
        Submitted s = intake.submit(applicant, answers, staff, "entered by staff from a " + (from.equals("email")
                ? "form sent by email" : "paper form"));
        if (!s.duplicate()) {
            notifier.acknowledgeOnBehalf(s.application(), from);
            audit.record(staff, "visit.entered-on-behalf", s.application().reference(), "from a " + from + " form");
        }
        return s;
    }

    public List<VisitApplication> list(VisitStatus status) {
        return store.list(status);
    }

    public Optional<VisitApplication> find(long id) {
        return store.byId(id);
    }

    public List<VisitHistoryEntry> history(long id) {
        return store.history(id);
    }

    /** Applies a staff decision, records it in the history and the audit log, and tells the applicant. */
    public Decided decide(long id, Decision decision, String actor) {
        return decisions.decide(id, decision, actor);
    }

    /** The participant's applications (and their contact's, when linked), newest first. */
    public List<VisitApplication> forApplicant(Participant participant) {
        Long contactId = contacts.forParticipant(participant).map(Contact::id).orElse(null);
        return store.forApplicant(participant.id(), contactId);
    }

    /** Visits done and still arranged with a date in the year (office time zone), against the yearly target. */
    public Summary summary(int year) {
        return new Summary(year, inYear(VisitStatus.VISITED, year).size(), inYear(VisitStatus.SCHEDULED, year).size(),
                config.yearlyTarget());
    }

    /** Visits of the year that may be mentioned publicly: scheduled or visited, whose applicant said the office may mention the visit publicly. */
    public List<PublicVisit> publicVisits(int year) {
        return java.util.stream.Stream.concat(inYear(VisitStatus.VISITED, year).stream(), inYear(VisitStatus.SCHEDULED, year).stream())
                .filter(VisitApplication::publicityAllowed)
                .sorted(java.util.Comparator.comparing(VisitApplication::scheduledAt))
                .map(a -> new PublicVisit(a.organisation(), a.area(), LocalDate.ofInstant(a.scheduledAt(), config.zone())))
                .toList();
    }

    /** The current year in the office's time zone. */
    public int currentYear() {
        return ZonedDateTime.now(clock.withZone(config.zone())).getYear();
    }

    private List<VisitApplication> inYear(VisitStatus status, int year) {
        ZonedDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(config.zone());
        return store.scheduledBetween(status, from.toInstant(), from.plusYears(1).toInstant());
    }
}
