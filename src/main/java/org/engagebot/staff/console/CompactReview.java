package org.engagebot.staff.console;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participants;
import org.engagebot.enquiries.Enquiry;
import org.engagebot.enquiries.EnquiryService;
import org.engagebot.events.EventService;
import org.engagebot.newsletters.Newsletter;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.platform.OneLanguagePublishing;
import org.engagebot.visits.VisitApplication;
import org.engagebot.visits.VisitService;
import org.engagebot.visits.VisitStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Compact's annual review (and the Gwent end-of-year report) for a year or one quarter, in UK time: visits
 * against the target, newsletters with the people they reached per channel, consultations with their window and
 * who answered, new registrations by area and by sector, messages raised and time to first reply, what went out in one language,
 * and events. People and organisations are counted, not messages. Each feature is asked through its public service.
 */
@Singleton
class CompactReview {
    private final VisitService visits;
    private final NewsletterService newsletters;
    private final Outbox outbox;
    private final ConsultationDesk consultations;
    private final ContactService contacts;
    private final Participants participants;
    private final EnquiryService enquiries;
    private final EventService events;
    private final OneLanguagePublishing oneLanguage;

    CompactReview(VisitService visits, NewsletterService newsletters, Outbox outbox, ConsultationDesk consultations,
                  ContactService contacts, Participants participants, EnquiryService enquiries, EventService events,
                  OneLanguagePublishing oneLanguage) {
        this.visits = visits;
        this.newsletters = newsletters;
        this.outbox = outbox;
        this.consultations = consultations;
        this.contacts = contacts;
        this.participants = participants;
        this.enquiries = enquiries;
        this.events = events;
        this.oneLanguage = oneLanguage;
    }

    /** A year, or one quarter of it (1–4), as instants in UK time. */
    record Period(int year, Integer quarter, Instant from, Instant to) {
        static Period of(int year, Integer quarter) {
            boolean q = quarter != null && quarter >= 1 && quarter <= 4;
            LocalDate start = q ? LocalDate.of(year, (quarter - 1) * 3 + 1, 1) : LocalDate.of(year, 1, 1);
            LocalDate end = q ? start.plusMonths(3) : start.plusYears(1);
            return new Period(year, q ? quarter : null, start.atStartOfDay(ConsoleTime.OFFICE).toInstant(),
                    end.atStartOfDay(ConsoleTime.OFFICE).toInstant());
        }

        public String label() {
            return quarter == null ? Integer.toString(year) : year + " Q" + quarter;
        }

        boolean holds(Instant at) {
            return at != null && !at.isBefore(from) && at.isBefore(to);
        }

        static int quarterOf(Instant at) {
            return (at.atZone(ConsoleTime.OFFICE).getMonthValue() - 1) / 3 + 1;
        }
    }

    record Visit(String reference, String organisation, String area, String status, Instant at) {
    }

    record NewsletterReach(String title, Instant sentAt, int quarter, long people, long email, long telegram) {
    }

    record ConsultationRow(String reference, String title, Instant opensAt, Instant closesAt, long days, String shortReason,
                           long respondents, Map<String, Long> byChannel, Map<String, Long> byLanguage,
                           Map<String, Long> byArea, Instant outcomeAt) {
    }

    record Raised(String reference, String channel, Instant receivedAt, Instant firstReplyAt, Long hoursToFirstReply,
                  String status) {
    }

    record Review(Period period, List<Visit> visits, double target, List<NewsletterReach> newsletters,
                  List<ConsultationRow> consultations, Map<String, Long> registrationsByArea,
                  List<ContactService.NewContact> registrations, List<Raised> raised,
                  Long medianHoursToFirstReply, List<OneLanguagePublishing.Declared> oneLanguage,
                  EventService.Summary events) {
        /** New registrations by remit or sector: an organisation counts once in each of its sectors. */
        public Map<String, Long> registrationsBySector() {
            Map<String, Long> out = new TreeMap<>();
            registrations.forEach(g -> orNone(g.sectors()).forEach(s -> out.merge(s, 1L, Long::sum)));
            return out;
        }

        /** New registrations by area and sector together: once in each of its (area, sector) pairs. */
        public Map<List<String>, Long> registrationsByAreaAndSector() {
            Map<List<String>, Long> out = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            registrations.forEach(g -> orNone(g.areas()).forEach(a -> orNone(g.sectors())
                    .forEach(s -> out.merge(List.of(a, s), 1L, Long::sum))));
            return out;
        }

        private static List<String> orNone(List<String> values) {
            return values.isEmpty() ? List.of("(none)") : values;
        }

        public long visited() {
            return visits.stream().filter(v -> v.status().equals("visited")).count();
        }
    }

    Review of(Period p) {
        List<Raised> raised = raised(p);
        List<Long> hours = raised.stream().map(Raised::hoursToFirstReply).filter(java.util.Objects::nonNull).sorted().toList();
        double yearly = visits.summary(p.year()).target();
        return new Review(p, visits(p), p.quarter() == null ? yearly : yearly / 4, newsletters(p), consultations(p),
                contacts.newContactsByArea(p.from(), p.to()), contacts.newRegistrations(p.from(), p.to()), raised, hours.isEmpty() ? null : hours.get(hours.size() / 2),
                oneLanguage.publishedBetween(p.from(), p.to()), events.summary(p.from(), p.to()));
    }

    private List<Visit> visits(Period p) {
        return Stream.of(VisitStatus.VISITED, VisitStatus.SCHEDULED).flatMap(s -> visits.list(s).stream())
                .filter(v -> p.holds(v.scheduledAt()))
                .sorted(java.util.Comparator.comparing(VisitApplication::scheduledAt))
                .map(v -> new Visit(v.reference(), v.organisation(), v.area(), v.status().name().toLowerCase(java.util.Locale.ROOT),
                        v.scheduledAt())).toList();
    }

    private List<NewsletterReach> newsletters(Period p) {
        List<NewsletterReach> out = new ArrayList<>();
        for (Newsletter n : newsletters.recent(10_000)) {
            Instant at = n.startedAt() != null ? n.startedAt() : n.sendAt();
            if (n.kind() != Newsletter.Kind.NEWSLETTER || !n.published() || !p.holds(at)) {
                continue;
            }
            long email = 0;
            long telegram = 0;
            Set<String> people = new HashSet<>();
            for (Map.Entry<String, String> to : outbox.batchSentTo("newsletter", n.id())) {
                if (to.getKey().equals("email")) {
                    email++;
                } else if (to.getKey().equals("telegram")) {
                    telegram++;
                }
                people.add(person(to.getKey(), to.getValue()));
            }
            out.add(new NewsletterReach(n.title().en(), at, Period.quarterOf(at), people.size(), email, telegram));
        }
        out.sort(java.util.Comparator.comparing(NewsletterReach::sentAt));
        return out;
    }

    /** The contact behind a channel address (so one organisation on two channels counts once), else the address. */
    private String person(String channel, String address) {
        java.util.Optional<Long> contact = channel.equals("email") ? contacts.byEmail(address).map(c -> c.id())
                : participants.find(channel, address).flatMap(contacts::forParticipant).map(c -> c.id());
        return contact.map(id -> "contact:" + id).orElse(channel + ":" + address);
    }

    private List<ConsultationRow> consultations(Period p) {
        List<ConsultationRow> out = new ArrayList<>();
        for (Consultation c : consultations.all()) {
            if (!c.published() || !(p.holds(c.opensAt()) || p.holds(c.closesAt())
                    || (c.opensAt().isBefore(p.from()) && !c.closesAt().isBefore(p.to())))) {
                continue;
            }
            ConsultationDesk.Breakdown b = consultations.breakdown(c);
            Map<String, Long> areas = new TreeMap<>();
            for (long id : b.contactIds()) {
                contacts.byId(id).ifPresent(contact -> {
                    for (String area : (contact.area() == null || contact.area().isBlank() ? "unknown" : contact.area()).split(",")) {
                        areas.merge(area.strip(), 1L, Long::sum);
                    }
                });
            }
            long unknown = b.respondents() - b.contactIds().size();
            if (unknown > 0) {
                areas.merge("unregistered", unknown, Long::sum);
            }
            out.add(new ConsultationRow(c.reference(), c.title().en(), c.opensAt(), c.closesAt(),
                    Duration.between(c.opensAt(), c.closesAt()).toDays(), c.shortReason() == null ? null : c.shortReason().en(),
                    b.respondents(), b.byChannel(), b.byLanguage(), areas, c.outcomeAt()));
        }
        out.sort(java.util.Comparator.comparing(ConsultationRow::opensAt));
        return out;
    }

    private List<Raised> raised(Period p) {
        List<Raised> out = new ArrayList<>();
        for (String status : List.of("open", "replied", "closed")) {
            for (Enquiry e : enquiries.list(status)) {
                if (!p.holds(e.receivedAt())) {
                    continue;
                }
                Instant first = e.replies().stream().map(Enquiry.Answer::sentAt).filter(java.util.Objects::nonNull)
                        .min(Instant::compareTo).orElse(null);
                out.add(new Raised("#" + e.id(), e.channel(), e.receivedAt(), first,
                        first == null ? null : Duration.between(e.receivedAt(), first).toHours(), e.status()));
            }
        }
        out.sort(java.util.Comparator.comparing(Raised::receivedAt));
        return out;
    }
}
