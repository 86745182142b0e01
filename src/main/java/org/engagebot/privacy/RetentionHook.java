package org.engagebot.privacy;

import java.time.Instant;

/**
 * A feature whose cases close (visit applications, consultations) deletes or anonymises the personal data of
 * cases closed before {@code cutoff} (engagebot.retention.closed-cases ago). Called once a day outside any
 * transaction; returns how many rows it changed, for the log.
 */
public interface RetentionHook {

    String name();

    int purgeClosedBefore(Instant cutoff);
}
