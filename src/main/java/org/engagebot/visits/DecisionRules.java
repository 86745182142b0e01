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
    private static final java.time.format.DateTimeFormatter PEOPLE =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    private DecisionRules() {
    }

    sealed interface Checked {
        record Accepted(VisitStatus to, Instant scheduledAt, String place, String note) implements Checked {
        }

        /** {@code field}: which part of the decision to fix; {@code pastDate}: a well-formed time already gone. */
        record Refused(String reason, String field, boolean pastDate) implements Checked {
            Refused(String reason, String field) {
                this(reason, field, false);
            }
        }
    }

    static Checked check(VisitStatus from, Decision d, ZoneId zone) {
        return check(from, d, zone, null);
    }

    /** As {@link #check(VisitStatus, Decision, ZoneId)}, also refusing a visit scheduled before {@code now}. */
    static Checked check(VisitStatus from, Decision d, ZoneId zone, Instant now) {
        VisitStatus to = d == null ? null : VisitStatus.parse(d.status()).orElse(null);
        if (to == null) {
            return new Checked.Refused("status must be one of received, shortlisted, scheduled, visited, declined", "status");
        }
        if (!from.canMoveTo(to)) {
            String allowed = from.allowedNext().stream().map(VisitStatus::code).sorted().collect(Collectors.joining(", "));
            return new Checked.Refused("cannot move an application from " + from.code() + " to " + to.code()
                    + (allowed.isEmpty() ? " (" + from.code() + " is final)" : " (allowed: " + allowed + ")"), "status");
        }
        String note = blankToNull(d.note());
        String place = blankToNull(d.place());
        if (note != null && note.length() > MAX_NOTE) {
            return new Checked.Refused("note is longer than " + MAX_NOTE + " characters", "note");
        }
        if (to == VisitStatus.DECLINED && note == null) {
            return new Checked.Refused("declined needs a note: the reason the applicant is told", "note");
        }
        if (to != VisitStatus.SCHEDULED) {
            return new Checked.Accepted(to, null, null, note);
        }
        if (blankToNull(d.scheduledAt()) == null || place == null) {
            return new Checked.Refused("scheduled needs scheduledAt (date and time) and place",
                    blankToNull(d.scheduledAt()) == null ? "scheduledAt" : "place");
        }
        if (place.length() > MAX_PLACE) {
            return new Checked.Refused("place is longer than " + MAX_PLACE + " characters", "place");
        }
        Instant at = parseTime(d.scheduledAt().strip(), zone);
        if (at == null) {
            return new Checked.Refused("scheduledAt must be an ISO date-time such as 2027-03-15T10:30 or 2027-03-15T10:30:00Z", "scheduledAt");
        }
        if (now != null && at.isBefore(now)) {
            return new Checked.Refused("the visit cannot be scheduled in the past ("
                    + PEOPLE.format(at.atZone(zone)) + "): choose a date and time from now on", "scheduledAt", true);
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
