package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

/**
 * Keeps one sender's messages in order across instances sharing a PostgreSQL database (webhook calls for one chat
 * can reach two instances at once): a message is processed only while its transaction holds the sender's advisory
 * lock, taken with try so that two transactions (two threads, or two instances) never wait on each other; a busy
 * sender's message is tried again shortly. On SQLite there is one process, whose per-sender queue already keeps the order.
 */
@Singleton
class SenderTurns {
    /** The first key of the two-key advisory lock: this service's inbound senders, apart from any other lock user. */
    private static final int NAMESPACE = 0x1B0D;

    private final Db db;
    private final boolean shared;

    SenderTurns(Db db) {
        this.db = db;
        this.shared = db.dialect().postgres();
    }

    /** True when several instances may share the database, so order needs the lock. */
    boolean shared() {
        return shared;
    }

    /** Takes the sender's turn until the current transaction ends; false when another transaction holds it. */
    boolean take(String channel, String address) {
        return !shared || db.one("SELECT pg_try_advisory_xact_lock(?, hashtext(?))", rs -> rs.getBoolean(1),
                NAMESPACE, channel + ":" + address).orElse(false);
    }
}
