package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.Db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How long stored messages keep what they said and to whom: the retention rules for the inbox and the outbox
 * (privacy's RetentionJob sets the periods and calls these), and the scrub of goodbye messages once delivered.
 * Each rule goes in chunks ({@link Chunks}) and is idempotent, so a crash part-way is finished by the next run.
 */
@Singleton
public class MessageRetention {
    static final String BLANK = "{\"text\":\"\"}";
    /** An IN list this long at most, well inside every driver's limit on bound values. */
    private static final int IN_LIST = 500;

    private final Db db;
    private final Chunks chunks;

    MessageRetention(Db db, Chunks chunks) {
        this.db = db;
        this.chunks = chunks;
    }

    /** Inbound messages handled before {@code cutoff} lose their raw source and body; returns how many. */
    public int blankInboundBefore(Instant cutoff) {
        String old = "received_at < ? AND status <> 'RECEIVED' AND (raw IS NOT NULL OR body IS NOT NULL)";
        return chunks.byId("SELECT id FROM inbox WHERE " + old + " AND id > ? ORDER BY id LIMIT ?",
                "UPDATE inbox SET raw = NULL, body = NULL WHERE " + old + " AND id IN ({ids})", cutoff);
    }

    /**
     * Outbound messages finished (sent or failed) before {@code cutoff}: one-off ones are deleted; a broadcast's rows,
     * which its counts need, keep their status but lose the address and text. Returns how many rows changed.
     */
    public int purgeFinishedBefore(Instant cutoff) {
        String old = "status IN ('SENT', 'FAILED') AND COALESCE(sent_at, created_at) < ?";
        return chunks.byId("SELECT id FROM outbox WHERE " + old + " AND batch_type IS NULL AND id > ? ORDER BY id LIMIT ?",
                "DELETE FROM outbox WHERE " + old + " AND batch_type IS NULL AND id IN ({ids})", cutoff)
                + chunks.byId("SELECT id FROM outbox WHERE " + old + " AND batch_type IS NOT NULL AND address <> 'expired' "
                        + "AND id > ? ORDER BY id LIMIT ?", List.of(cutoff), "UPDATE outbox SET address = 'expired', "
                        + "payload = ? WHERE " + old + " AND batch_type IS NOT NULL AND id IN ({ids})", BLANK, cutoff);
    }

    /**
     * Of these outbox rows, those the channel has finished with (SENT or FAILED) lose address and text.
     *
     * @return how many were blanked, which were (to forget their addresses elsewhere too), and which need no more
     * watching (finished, or no longer there)
     */
    public Scrubbed scrubFinished(Collection<Long> ids) {
        int blanked = 0;
        List<Long> finished = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String in = part.stream().map(String::valueOf).collect(Collectors.joining(","));
            blanked += db.update("UPDATE outbox SET address = 'erased', payload = '" + BLANK + "' WHERE status IN "
                    + "('SENT', 'FAILED') AND id IN (" + in + ")");
            finished.addAll(db.query("SELECT id FROM outbox WHERE status IN ('SENT', 'FAILED') AND id IN (" + in + ")",
                    rs -> rs.getLong(1)));
            List<Long> pending = db.query("SELECT id FROM outbox WHERE status NOT IN ('SENT', 'FAILED') AND id IN ("
                    + in + ")", rs -> rs.getLong(1));
            part.stream().filter(id -> !pending.contains(id)).forEach(settled::add);
        }
        return new Scrubbed(blanked, finished, settled);
    }

    /** What {@link #scrubFinished} did. */
    public record Scrubbed(int blanked, List<Long> finished, List<Long> settled) {
    }
}
