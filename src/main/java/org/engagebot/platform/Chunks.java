package org.engagebot.platform;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Long jobs (retention, erasure) in chunks of {@link #SIZE} rows, each its own write transaction, so an inbound
 * message queued behind one on the writer lock waits for one chunk, not the whole job. Row ids are read outside
 * the lock, in id order after the last chunk (WAL readers never wait for the writer), and the write re-checks its
 * condition, so a row changed in between is left alone. Every statement given here must be idempotent: a crash
 * between chunks leaves the earlier ones committed, and running the job again finishes it.
 */
@Singleton
public class Chunks {
    public static final int SIZE = 250;
    /** A chunk that writes row by row stops early after this long, so a slow or busy machine holds the lock no longer. */
    public static final long MAX_HOLD_NANOS = 40_000_000L;

    private final Db db;
    private final Transactions tx;

    public Chunks(Db db, Transactions tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Applies {@code write} to the ids {@code selectIds} finds, chunk by chunk; returns the rows changed.
     *
     * @param selectIds a SELECT of one id column ending "AND id > ? ORDER BY id LIMIT ?" (those two bound here,
     *                  after {@code selectParams})
     * @param write     an UPDATE or DELETE with "{ids}" where the chunk's id list goes, re-checking the condition
     */
    public int byId(String selectIds, List<Object> selectParams, String write, Object... writeParams) {
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object> params = new ArrayList<>(selectParams);
            params.add(after);
            params.add(SIZE);
            List<Long> ids = db.query(selectIds, rs -> rs.getLong(1), params.toArray());
            if (ids.isEmpty()) {
                return changed;
            }
            String sql = write.replace("{ids}", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
            changed += tx.write(() -> db.update(sql, writeParams));
            after = ids.get(ids.size() - 1);
            if (ids.size() < SIZE) {
                return changed;
            }
        }
    }

    /** {@link #byId} with the same parameters for the select and the write. */
    public int byId(String selectIds, String write, Object... params) {
        return byId(selectIds, Arrays.asList(params), write, params);
    }
}
