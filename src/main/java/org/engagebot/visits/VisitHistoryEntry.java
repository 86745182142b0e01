package org.engagebot.visits;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One status change of an application: who, when, from → to (from is null for the submission), and a note. */
@Serdeable
public record VisitHistoryEntry(String actor, String from, String to, String note, Instant at) {
}
