package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A broadcast's rows in the outbox as a whole (a newsletter, a visit's messages), for the feature that queued them:
 * release the held rows, list them by outcome, blank them when the person is erased. Per-row work stays in
 * {@link Outbox}.
 */
@Singleton
public class OutboxBatches {
    /** A row of a batch: its status as stored (QUEUED, HELD, SENDING, SENT, FAILED) and the last error, if any. */
    public record Row(long id, String channel, String address, String status, String lastError, int attempts) {
    }

    /** Which rows of a batch to list; failures are split into undeliverable (bounced or on hold) and the rest. */
    public enum Outcome {
        QUEUED(" AND status IN ('QUEUED', 'SENDING', 'HELD')"),
        SENT(" AND status = 'SENT'"),
        FAILED(" AND status = 'FAILED' AND COALESCE(last_error, '') <> '" + SendResult.Failed.ON_HOLD
                + "' AND COALESCE(last_error, '') NOT LIKE '" + SendResult.Failed.BOUNCED + "%'"),
        BOUNCED(" AND status = 'FAILED' AND (last_error = '" + SendResult.Failed.ON_HOLD + "' OR last_error LIKE '"
                + SendResult.Failed.BOUNCED + "%')");

        private final String where;

        Outcome(String where) {
            this.where = where;
        }
    }

    private final Db db;
    private final Chunks chunks;
    private final Clock clock;

    OutboxBatches(Db db, Chunks chunks, Clock clock) {
        this.db = db;
        this.chunks = chunks;
        this.clock = clock;
    }

    /**
     * Makes a batch's held rows ({@link Outbox#enqueueHeld}) sendable in chunks, each its own write transaction, so a
     * large audience never holds the writer lock for long; returns how many. Idempotent: after a crash part-way, run
     * it again. Call {@link Outbox#wake} per channel afterwards.
     */
    public int releaseHeldInChunks(String batchType, long batchId) {
        return chunks.byId("SELECT id FROM outbox WHERE batch_type = ? AND batch_id = ? AND status = 'HELD' AND id > ? "
                + "ORDER BY id LIMIT ?", List.of(batchType, batchId), "UPDATE outbox SET status = 'QUEUED', not_before = ? "
                + "WHERE status = 'HELD' AND id IN ({ids})", clock.instant());
    }

    /** A batch's rows after {@code afterId} in id order, those with {@code outcome} only (empty: all). */
    public List<Row> rows(String batchType, long batchId, Optional<Outcome> outcome, long afterId, int limit) {
        return db.query("SELECT id, channel, address, status, last_error, attempts FROM outbox WHERE batch_type = ? "
                        + "AND batch_id = ? AND id > ?" + outcome.map(o -> o.where).orElse("") + " ORDER BY id LIMIT ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)), batchType, batchId, afterId, limit);
    }

    /**
     * A batch's messages lose their text and any queued or in flight are not sent (the person they were about is
     * erased; messages to the person themself go by their address in {@link MessageErasure}). Joins the caller's
     * transaction; returns the rows changed.
     */
    public int blankBatch(String batchType, long batchId) {
        return db.update("UPDATE outbox SET payload = '{\"text\":\"\"}', status = CASE WHEN status IN ('QUEUED', 'SENDING') "
                + "THEN 'FAILED' ELSE status END WHERE batch_type = ? AND batch_id = ?", batchType, batchId);
    }
}
