package org.engagebot.channel;

/**
 * Delivers outbox items on one channel. Called from the channel's outbox worker threads, at most one call
 * at a time per address (so a chat's messages keep their order); must be thread-safe across addresses.
 */
public interface ChannelSender {

    String channel();

    SendResult send(OutboxItem item);

    /** Bulk (priority BULK) messages a second this channel may send; replies are not held to it. */
    double bulkRatePerSecond();

    /** Minimum spacing between two messages to the same address, in milliseconds (Telegram: about 1 a second). */
    default long perAddressSpacingMillis() {
        return 0;
    }

    /** How many sends may be under way at once. */
    default int concurrency() {
        return 4;
    }
}
