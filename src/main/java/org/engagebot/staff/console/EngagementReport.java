package org.engagebot.staff.console;

import jakarta.inject.Singleton;
import org.engagebot.events.EventService;
import org.engagebot.channel.Inbox;
import org.engagebot.consultations.ConsultationService;
import org.engagebot.contacts.ContactService;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Engagement for one year (office time zone): inbound messages by channel and month, new contacts by area, and
 * consultation responses by channel. Read-only counts over the inbox, contact and consultation_response tables.
 */
@Singleton
class EngagementReport {
    private static final ZoneId OFFICE = ZoneId.of("Europe/London");
    private final Inbox inbox;
    private final ContactService contacts;
    private final ConsultationService consultations;
    private final EventService events;

    /** Each owner counts its own rows; the report only lays them out. */
    EngagementReport(Inbox inbox, ContactService contacts, ConsultationService consultations, EventService events) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.consultations = consultations;
        this.events = events;
    }

    record Row(String measure, String key, int month, long count) {
    }

    record Report(int year, Map<String, long[]> inboundByChannel, Map<String, Long> registrationsByArea,
                  Map<String, Long> responsesByChannel, Map<String, Long> events, List<Row> rows, long max) {
    }

    Report of(int year) {
        java.time.Instant from = LocalDate.of(year, 1, 1).atStartOfDay(OFFICE).toInstant();
        java.time.Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(OFFICE).toInstant();
        List<Row> rows = new ArrayList<>();
        Map<String, long[]> inbound = inbox.monthlyByChannel(from, to, OFFICE);
        inbound.forEach((ch, months) -> {
            for (int m = 0; m < 12; m++) {
                rows.add(new Row("inbound messages", ch, m + 1, months[m]));
            }
        });
        Map<String, Long> areas = contacts.newContactsByArea(from, to);
        areas.forEach((a, n) -> rows.add(new Row("new contacts by area", a, 0, n)));
        Map<String, Long> responses = consultations.responsesByChannel(from, to);
        responses.forEach((c, n) -> rows.add(new Row("consultation responses", c, 0, n)));
        EventService.Summary ev = events.summary(from, to);
        Map<String, Long> eventCounts = new java.util.LinkedHashMap<>();
        eventCounts.put("events held or planned", ev.events());
        eventCounts.put("invitations", ev.invited());
        eventCounts.put("places taken", ev.yes());
        eventCounts.put("waiting list", ev.waitlisted());
        eventCounts.put("attended", ev.attended());
        eventCounts.put("questions asked", ev.questions());
        eventCounts.put("questions answered", ev.questionsAnswered());
        eventCounts.forEach((k, n) -> rows.add(new Row("engagement events", k, 0, n)));
        long max = Math.max(1, rows.stream().mapToLong(Row::count).max().orElse(1));
        return new Report(year, inbound, areas, responses, eventCounts, rows, max);
    }

    /** The report as RFC 4180 CSV; a cell that starts like a formula gets a leading quote. */
    static String csv(Report r) {
        StringBuilder out = new StringBuilder("\"measure\",\"key\",\"month\",\"count\"\r\n");
        for (Row row : r.rows()) {
            out.append(cell(row.measure())).append(',').append(cell(row.key())).append(',')
                    .append(cell(row.month() == 0 ? "year " + r.year() : r.year() + "-" + String.format("%02d", row.month())))
                    .append(',').append(cell(Long.toString(row.count()))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
