package org.engagebot.channel;

/** A claimed outbox row, handed to its channel's sender. {@code payload} is the channel's own JSON. */
public record OutboxItem(long id, String channel, String address, int priority, String payload, int attempts,
                         String batchType, Long batchId) {
}
