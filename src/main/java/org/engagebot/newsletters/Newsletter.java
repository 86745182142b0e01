package org.engagebot.newsletters;

import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;

/**
 * A newsletter or a short broadcast, in English and Welsh (Markdown bodies). Its recipients are outbox rows
 * of batch ("newsletter", id); {@code cursor} is the last contact id already turned into rows.
 */
public record Newsletter(long id, Kind kind, Text title, Text body, List<String> tags, Audience audience, Status status,
                         Instant sendAt, long cursor, long skippedOnHold, long skippedNoChannel, String createdBy,
                         Instant createdAt, Instant startedAt, Instant sentAt) {

    public enum Kind { NEWSLETTER, BROADCAST }

    /** DRAFT → SCHEDULED → ENQUEUING (rows being written, resumable) → SENDING (rows released) → SENT. */
    public enum Status { DRAFT, SCHEDULED, ENQUEUING, SENDING, SENT }

    public boolean published() {
        return status == Status.SENDING || status == Status.SENT;
    }
}
