package org.engagebot.staff.console;

import org.engagebot.contacts.OrganisationLists;

import java.time.Instant;
import java.util.Map;

/**
 * The Compact review as one CSV: section, item, measure, value, at (ISO-8601 with the UK offset). Every cell goes
 * through {@link EngagementReport#cell}, so nothing typed by a person opens as a formula in a spreadsheet.
 */
final class CompactReviewCsv {
    private final StringBuilder out = new StringBuilder("\"section\",\"item\",\"measure\",\"value\",\"at\"\r\n");

    private CompactReviewCsv() {
    }

    static String write(CompactReview.Review r) {
        CompactReviewCsv csv = new CompactReviewCsv();
        String period = r.period().label();
        csv.row("visits", period, "target", number(r.target()), null);
        csv.row("visits", period, "visited", Long.toString(r.visited()), null);
        r.visits().forEach(v -> csv.row("visits", v.reference() + " " + v.organisation(), v.status(), v.area(), v.at()));
        r.newsletters().forEach(n -> {
            String item = n.title() + " (Q" + n.quarter() + ")";
            csv.row("newsletters", item, "people reached", Long.toString(n.people()), n.sentAt());
            csv.row("newsletters", item, "delivered by email", Long.toString(n.email()), n.sentAt());
            csv.row("newsletters", item, "delivered on Telegram", Long.toString(n.telegram()), n.sentAt());
        });
        r.consultations().forEach(c -> {
            String item = c.reference() + " " + c.title();
            csv.row("consultations", item, "opens", "", c.opensAt());
            csv.row("consultations", item, "closes", "", c.closesAt());
            csv.row("consultations", item, "length in days", Long.toString(c.days()), null);
            csv.row("consultations", item, "short-window reason", c.shortReason() == null ? "" : c.shortReason(), null);
            csv.row("consultations", item, "respondents", Long.toString(c.respondents()), null);
            csv.map("consultations", item, "respondents by channel: ", c.byChannel());
            csv.map("consultations", item, "respondents by language: ", c.byLanguage());
            csv.map("consultations", item, "respondents by area: ", c.byArea());
            csv.row("consultations", item, "you said, we did", c.outcomeAt() == null ? "not yet" : "sent", c.outcomeAt());
        });
        csv.map("registrations", period, "new contacts by area: ", r.registrationsByArea());
        r.registrationsBySector().forEach((sector, n) -> csv.row("registrations", period, "new contacts by sector: "
                + OrganisationLists.label(OrganisationLists.SECTORS, sector), Long.toString(n), null));
        r.registrationsByAreaAndSector().forEach((k, n) -> csv.row("registrations", period, "new contacts in "
                + k.get(0) + " by sector: " + OrganisationLists.label(OrganisationLists.SECTORS, k.get(1)),
                Long.toString(n), null));
        r.raised().forEach(m -> csv.row("messages raised", m.reference() + " (" + m.channel() + ")",
                "hours to first reply", m.hoursToFirstReply() == null ? "no reply yet" : Long.toString(m.hoursToFirstReply()),
                m.receivedAt()));
        csv.row("messages raised", period, "median hours to first reply",
                r.medianHoursToFirstReply() == null ? "" : Long.toString(r.medianHoursToFirstReply()), null);
        r.oneLanguage().forEach(d -> csv.row("published in one language", d.kind() + " " + d.reference(),
                (d.language().equals("cy") ? "Welsh" : "English") + " only because", d.reason(), d.publishedAt()));
        var e = r.events();
        csv.row("events", period, "events", Long.toString(e.events()), null);
        csv.row("events", period, "invitations", Long.toString(e.invited()), null);
        csv.row("events", period, "places taken", Long.toString(e.yes()), null);
        csv.row("events", period, "waiting list", Long.toString(e.waitlisted()), null);
        csv.row("events", period, "attended", Long.toString(e.attended()), null);
        csv.row("events", period, "questions asked", Long.toString(e.questions()), null);
        csv.row("events", period, "questions answered", Long.toString(e.questionsAnswered()), null);
        return csv.out.toString();
    }

    private void map(String section, String item, String prefix, Map<String, Long> counts) {
        counts.forEach((k, n) -> row(section, item, prefix + ConsoleText.EN.w(k), Long.toString(n), null));
    }

    private void row(String section, String item, String measure, String value, Instant at) {
        out.append(EngagementReport.cell(section)).append(',').append(EngagementReport.cell(item)).append(',')
                .append(EngagementReport.cell(measure)).append(',').append(EngagementReport.cell(value)).append(',')
                .append(EngagementReport.cell(at == null ? "" : ConsoleTime.iso(at))).append("\r\n");
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
