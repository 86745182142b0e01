package org.engagebot.events.meetings;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recurring partner or panel meeting in the register. Its notice goes to the attendees {@code noticeDays}
 * before {@code nextAt}; {@code noticedFor} is the sitting the last regular notice was for.
 */
record Meeting(long id, String name, String body, @Nullable String lead, @Nullable String purpose, Frequency frequency,
               Instant nextAt, @Nullable String place, List<String> attendees, int noticeDays, boolean isPublic,
               @Nullable Instant noticedFor, String sittingUid, int sequence, String createdBy, Instant createdAt) {

    Instant noticeDueAt() {
        return nextAt.minus(Duration.ofDays(noticeDays));
    }

    boolean noticed() {
        return nextAt.equals(noticedFor);
    }
}
