package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one sender's messages in order across instances sharing a PostgreSQL database (webhook calls for one chat
 * can reach two instances at once): a message is processed only while its transaction holds the sender's advisory
 * lock, taken with try so that two transactions (two threads, or two instances) never wait on each other; a busy
 * sender's message is tried again shortly. On SQLite there is one process, whose per-sender queue already keeps the order.
 * On PostgreSQL the lock, the claim of the message and the list of the sender's earlier unprocessed messages are one
 * statement: one round trip to the server where they were three.
 */
@Singleton
class SenderTurns {
    /** The first key of the two-key advisory lock: this service's inbound senders, apart from any other lock user. */
    private static final int NAMESPACE = 0x1B0D;
    /** Nothing to wait for, nothing earlier, the message still to claim: SQLite's answer, with no statement. */
    private static final Turn ALONE = new Turn(false, List.of(), null, null);

    /**
     * The lock (evaluated once: a materialised CTE), then, only if it was taken, the claim (RECEIVED → PROCESSED)
     * and the earlier messages. The claim is a row update checked again against the latest committed row, as
     * {@link Inbox#claim} is; the earlier list is read on the statement's snapshot, so a message whose storing
     * committed before this statement began is seen (one committed meanwhile is as one stored after it), and one
     * listed that another instance processed meanwhile is passed over by its own claim. The earlier list reads only
     * the sender's rows after its latest processed one (processed_at is set by the claim, a quarantine in the step and
     * a failure; a row stored quarantined has none): through the sender's index by id that is one row or two, where
     * reading every unprocessed row in flight (an index on status) fetched one per message in flight from any sender
     * and kept the claim from being a HOT update (db/postgresql V192). A RECEIVED row older than a processed one of the
     * same sender is one whose order was already given up (its store committed after a later message's turn); its own
     * queue still processes it, once.
     */
    private static final String TAKE = "WITH turn AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(?, hashtext(?)) AS mine), "
            + "claimed AS (UPDATE inbox SET status = 'PROCESSED', processed_at = ? "
            + "WHERE id = ? AND status = 'RECEIVED' AND (SELECT mine FROM turn) RETURNING id) "
            + "SELECT mine, (SELECT count(*) FROM claimed), CASE WHEN mine AND ? = 1 THEN (SELECT string_agg(CAST(id AS TEXT), ',' "
            + "ORDER BY id) FROM inbox WHERE channel = ? AND address = ? AND status = 'RECEIVED' AND id < ? AND id > "
            + "COALESCE((SELECT max(id) FROM inbox WHERE channel = ? AND address = ? AND id < ? AND processed_at IS NOT NULL), 0)) "
            + "END FROM turn";

    private final Db db;
    private final Clock clock;
    private final boolean shared;

    SenderTurns(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.shared = db.dialect().postgres();
    }

    /**
     * The outcome of taking a sender's turn for one message: {@code busy} (another transaction holds it: nothing was
     * done), else the ids of the sender's earlier messages still RECEIVED, oldest first (another instance stored them:
     * they go first), and whether this message was claimed: true (claimed here), false (already handled by another
     * run: skip it), null (not tried: the caller claims it, as on SQLite).
     */
    record Turn(boolean busy, List<Long> earlier, Boolean claimed, Optional<Participants.Seen> sender) {
    }

    /**
     * Takes the sender's turn until the current transaction ends and claims message {@code id}, listing the earlier
     * ones when {@code withEarlier}. Runs in the message's transaction: a rollback gives the claim back. With
     * {@code lookup} (the sender's participant read, {@link Participants#lookup}) that read goes in the same round
     * trip, as a statement of its own after this one: it reads on a snapshot taken once the turn is held, so it sees
     * every step of this sender committed before (the turn's {@code sender}; null when not read).
     */
    Turn take(String channel, String address, long id, boolean withEarlier, Db.Query<Participants.Seen> lookup) {
        if (!shared) {
            return ALONE;
        }
        Db.Query<Turn> turn = new Db.Query<>(TAKE, rs -> {
            if (!rs.getBoolean(1)) {
                return new Turn(true, List.of(), false, null);
            }
            String earlier = rs.getString(3);
            List<Long> ids = new ArrayList<>();
            if (earlier != null) {
                for (String each : earlier.split(",")) {
                    ids.add(Long.parseLong(each));
                }
            }
            return new Turn(false, ids, rs.getLong(2) == 1, null);
        }, NAMESPACE, channel + ":" + address, clock.instant(), id, withEarlier, channel, address, id, channel, address, id);
        if (lookup == null) {
            return db.one(turn.sql(), turn.mapper(), turn.params()).orElseThrow();
        }
        Db.Both<Turn, Participants.Seen> both = db.oneThenOne(turn, lookup);
        Turn taken = both.first().orElseThrow();
        return taken.busy() ? taken : new Turn(false, taken.earlier(), taken.claimed(), both.second());
    }
}
