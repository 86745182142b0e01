package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A question for the Commissioner sent before an event; {@code late} when it came after the cut-off. */
record Question(long id, long eventId, Person person, String text, @Nullable String theme, boolean late,
                @Nullable Instant answeredAt, Instant receivedAt) {
}
