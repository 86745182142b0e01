package org.engagebot.visits;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Collectors;

/** Checks a staff decision against the current status; answers a checked decision or a reason it is refused. */
final class DecisionRules {
    static final int MAX_PLACE = 300;
    static final int MAX_NOTE = 2000;

    private DecisionRules() {
    }

    sealed interface Checked {
        record Accepted(VisitStatus to, Instant scheduledAt, String place, String note) implements Checked {
        }

        record Refused(String reason) implements Checked {
        }
    }

    static Checked check(VisitStatus from, Decision d, ZoneId zone) {
        VisitStatus to = d == null ? null : VisitStatus.parse(d.status()).orElse(null);
        if (to == null) {
            return new Checked.Refused("status must be one of received, shortlisted, scheduled, visited, declined");
        }
        if (!from.canMoveTo(to)) {
            String allowed = from.allowedNext().stream().map(VisitStatus::code).sorted().collect(Collectors.joining(", "));
            return new Checked.Refused("cannot move an application from " + from.code() + " to " + to.code()
                    + (allowed.isEmpty() ? " (" + from.code() + " is final)" : " (allowed: " + allowed + ")"));
        }
        String note = blankToNull(d.note());
        String place = blankToNull(d.place());
        if (note != null && note.length() > MAX_NOTE) {
            return new Checked.Refused("note is longer than " + MAX_NOTE + " characters");
        }
        if (to == VisitStatus.DECLINED && note == null) {
            return new Checked.Refused("declined needs a note: the reason the applicant is told");
        }
        if (to != VisitStatus.SCHEDULED) {
            return new Checked.Accepted(to, null, null, note);
        }
        if (blankToNull(d.scheduledAt()) == null || place == null) {
            return new Checked.Refused("scheduled needs scheduledAt (date and time) and place");
        }
        if (place.length() > MAX_PLACE) {
            return new Checked.Refused("place is longer than " + MAX_PLACE + " characters");
        }
        Instant at = parseTime(d.scheduledAt().strip(), zone);
        if (at == null) {
            return new Checked.Refused("scheduledAt must be an ISO date-time such as 2027-03-15T10:30 or 2027-03-15T10:30:00Z");
        }
        return new Checked.Accepted(to, at, place, note);
    }

    static Instant parseTime(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
