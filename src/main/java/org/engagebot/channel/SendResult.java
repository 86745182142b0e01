package org.engagebot.channel;

import java.time.Duration;

/** What happened when a sender tried one outbox item. Senders return these; they never throw for a failed send. */
public sealed interface SendResult {

    /**
     * Delivered to the channel; {@code externalId} is its id there (Telegram message_id, our Message-ID).
     * {@code alsoRecord} (may be null) is a database write the worker runs in the same transaction that marks the
     * row sent (e.g. remembering the Message-ID), so several sends share one commit.
     */
    record Sent(String externalId, Runnable alsoRecord) implements SendResult {
        public Sent(String externalId) {
            this(externalId, null);
        }
    }

    /** Try again later: a 429 with retry_after, a timeout, a 5xx. {@code pauseChannel} stops all sends meanwhile. */
    record Retry(Duration after, String reason, boolean pauseChannel) implements SendResult {
    }

    /** Will never succeed (blocked bot, unknown chat, address on hold); the reason is shown to staff. */
    record Failed(String reason) implements SendResult {
        /** The reason when a message is not sent because its address is on hold (it bounced or complained). */
        public static final String ON_HOLD = "address on hold";
        /** How the reason of a sent message that later bounced starts (the rest says what bounced it). */
        public static final String BOUNCED = "bounced after sending";
    }
}
