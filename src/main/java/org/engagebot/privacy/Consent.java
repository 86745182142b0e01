package org.engagebot.privacy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One consent decision: purpose ("contact", "newsletter-email", "newsletter-telegram"), wording version, where and when. */
@Serdeable
public record Consent(String purpose, boolean granted, String version, String channel, Instant recordedAt) {
}
