package org.engagebot.visits;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The staff API's JSON shapes. Times are ISO instants; {@code scheduledLocal} is the office's local time. */
final class VisitViews {
    private VisitViews() {
    }

    @Serdeable
    record Item(long id, String reference, String organisation, String contactName, String email, String phone,
                String area, String status, String language, String channel, boolean publicityAllowed, Instant submittedAt,
                Instant scheduledAt, String scheduledLocal, String place) {
    }

    @Serdeable
    record Detail(long id, String reference, String organisation, String contactName, String email, String phone,
                  String area, String status, String language, String channel, boolean publicityAllowed, Instant submittedAt,
                  Instant scheduledAt, String scheduledLocal, String place, String declineReason, Long contactId,
                  Map<String, String> answers, List<VisitHistoryEntry> history, List<String> allowedNext) {
    }

    @Serdeable
    record DecisionResult(Detail application, boolean applicantNotified) {
    }

    @Serdeable
    record Problem(String message) {
    }

    static Item item(VisitApplication a, ZoneId zone) {
        return new Item(a.id(), a.reference(), a.organisation(), a.contactName(), a.email(), a.phone(), a.area(),
                a.status().code(), language(a), a.channel(), a.publicityAllowed(), a.submittedAt(), a.scheduledAt(),
                local(a.scheduledAt(), zone), a.place());
    }

    static Detail detail(VisitApplication a, List<VisitHistoryEntry> history, ZoneId zone) {
        return new Detail(a.id(), a.reference(), a.organisation(), a.contactName(), a.email(), a.phone(), a.area(),
                a.status().code(), language(a), a.channel(), a.publicityAllowed(), a.submittedAt(), a.scheduledAt(),
                local(a.scheduledAt(), zone), a.place(), a.declineReason(), a.contactId(), a.answers(), history,
                a.status().allowedNext().stream().map(VisitStatus::code).sorted().toList());
    }

    static String language(VisitApplication a) {
        return a.language() == null ? null : a.language().code();
    }

    static String local(Instant at, ZoneId zone) {
        return at == null ? null : OffsetDateTime.ofInstant(at, zone).toString();
    }
}
