package org.engagebot.visits;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A visit that may be mentioned publicly (media, newsletter): scheduled or visited, and the organisation
 * said the office may mention it publicly. {@code area} is the stored area value (e.g. "gwynedd") or null.
 */
@Serdeable
public record PublicVisit(String organisation, String area, LocalDate date) {
}
