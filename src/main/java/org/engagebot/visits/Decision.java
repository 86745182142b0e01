package org.engagebot.visits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A staff decision on an application. {@code scheduledAt} is an ISO date-time, either with an offset
 * ("2027-03-15T10:30:00Z") or local to the office's time zone ("2027-03-15T10:30"). For "declined" the
 * note is the reason the applicant is told; for other statuses the note stays internal (history only).
 */
@Serdeable
public record Decision(String status, @Nullable String scheduledAt, @Nullable String place, @Nullable String note) {
}
