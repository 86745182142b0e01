package org.engagebot.enquiries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A message someone sent the office outside a form, with who sent it (as far as the service knows them) and
 * the staff's replies. {@code status}: open, replied or closed.
 */
@Serdeable
public record Enquiry(long id, String status, String channel, @Nullable String language, String text, Sender sender,
                      Instant receivedAt, @Nullable Instant closedAt, List<Answer> replies, @Nullable String assignedTo) {

    /** The sender: their channel address and name there, and the registered contact's details when linked. */
    @Serdeable
    public record Sender(@Nullable Long participantId, @Nullable String address, @Nullable String displayName,
                         @Nullable Long contactId, @Nullable String organisation, @Nullable String name,
                         @Nullable String email) {
    }

    @Serdeable
    public record Answer(String staff, String text, Instant sentAt) {
    }
}
