package org.engagebot.channel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Reply;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every outbound message is a row here before it is sent. Workers claim due rows (status SENDING), and
 * mark them SENT, retry them later, or FAILED. After a crash, rows left SENDING are queued again: only
 * messages in flight at the crash can go twice.
 */
@Singleton
public class Outbox {
    public static final int REPLY = 0;
    public static final int BULK = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Resolved once: looking up the serializer on every reply was a good part of writing one. */
    private static final ObjectWriter MESSAGE = JSON.writerFor(OutboundMessage.class);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);

    private final Db db;
    private final Clock clock;
    private final Transactions transactions;
    private final Map<String, Runnable> wakers = new ConcurrentHashMap<>();

    public Outbox(Db db, Clock clock, Transactions transactions) {
        this.db = db;
        this.clock = clock;
        this.transactions = transactions;
    }

    private static final String INSERT = "INSERT INTO outbox (channel, address, priority, payload, status, not_before, "
            + "batch_type, batch_id, created_at) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)";

    private long enqueue(String channel, String address, String payload, int priority, String batchType, Long batchId) {
        Instant now = clock.instant();
        return db.insert(INSERT, channel, address, priority, payload, now, batchType, batchId, now);
    }

    /**
     * Queues a reply as {@link #enqueueReply(String, String, OutboundMessage)} when its row id is not needed: inside a
     * PostgreSQL transaction the row is written with the commit's round trip ({@link Db#updateLater}).
     */
    public void queueReply(String channel, String address, OutboundMessage message) {
        Instant now = clock.instant();
        db.updateLater(INSERT, channel, address, REPLY, payload(message), now, null, null, now);
    }

    /** Queues a message; {@code batchType}/{@code batchId} group a broadcast's rows (e.g. "newsletter", 12). */
    public long enqueue(String channel, String address, OutboundMessage message, int priority, String batchType, Long batchId) {
        return enqueue(channel, address, payload(message), priority, batchType, batchId);
    }

    /**
     * The row's JSON: a message without attachments (every conversational reply) written field by field with the
     * streaming generator, the same JSON data binding writes (OutboxPayloadTest holds them together) at a fraction of
     * the cost; anything else through data binding.
     */
    static String payload(OutboundMessage m) {
        try {
            if (!m.attachments().isEmpty()) {
                return MESSAGE.writeValueAsString(m);
            }
            java.io.StringWriter out = new java.io.StringWriter(128 + m.text().length());
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("subject", m.subject());
                g.writeStringField("text", m.text());
                g.writeStringField("emailHtml", m.emailHtml());
                g.writeStringField("telegramHtml", m.telegramHtml());
                g.writeArrayFieldStart("choices");
                for (Choice c : m.choices()) {
                    g.writeStartObject();
                    g.writeStringField("value", c.value());
                    g.writeStringField("label", c.label());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("emailHeaders");
                for (Map.Entry<String, String> h : m.emailHeaders().entrySet()) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
                g.writeEndObject();
                g.writeStringField("replyToken", m.replyToken());
                g.writeStringField("inReplyTo", m.inReplyTo());
                g.writeArrayFieldStart("attachments");
                g.writeEndArray();
                g.writeStringField("problem", m.problem());
                g.writeEndObject();
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues a conversational reply (sent ahead of any broadcast). */
    public long enqueueReply(String channel, String address, Reply reply) {
        return enqueue(channel, address, OutboundMessage.of(reply), REPLY, null, null);
    }

    /** Queues a reply that is more than plain text (an email with a subject, a token to route replies). */
    public long enqueueReply(String channel, String address, OutboundMessage message) {
        return enqueue(channel, address, message, REPLY, null, null);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable outbox payload", e);
        }
    }

    /**
     * Claims up to {@code limit} due rows of a channel, replies first, then the longest due first (queue order for
     * rows due at the same time). The order follows index outbox_due, so a claim reads only the rows it returns
     * instead of sorting a whole queued newsletter.
     */
    /** PostgreSQL: rows another instance's claim holds are passed over, not waited for nor taken twice. */
    private static final String SKIP_LOCKED = " FOR UPDATE SKIP LOCKED";

    public List<OutboxItem> claim(String channel, int limit) {
        Instant now = clock.instant();
        return transactions.write(() -> {
            List<OutboxItem> items = db.query("SELECT * FROM outbox WHERE channel = ? AND status = 'QUEUED' AND not_before <= ? "
                            + "ORDER BY priority, not_before, id LIMIT ?" + (db.dialect().postgres() ? SKIP_LOCKED : ""),
                    rs -> new OutboxItem(rs.getLong("id"), rs.getString("channel"),
                            rs.getString("address"), rs.getInt("priority"), rs.getString("payload"), rs.getInt("attempts"),
                            rs.getString("batch_type"), Db.nullableLong(rs, "batch_id")), channel, now, limit);
            if (!items.isEmpty()) {
                String ids = items.stream().map(i -> Long.toString(i.id())).collect(Collectors.joining(","));
                db.update("UPDATE outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id IN (" + ids + ")");
            }
            return items;
        });
    }

    public void markSent(long id, String externalId) {
        db.update("UPDATE outbox SET status = 'SENT', external_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                externalId, clock.instant(), id);
    }

    /** A send to mark SENT; {@code alsoRecord} (may be null) runs in the same transaction. */
    public record Sent(long id, String externalId, Runnable alsoRecord) {
    }

    /** Marks many rows SENT in one write transaction (with their extra records): one commit for a whole group. */
    public void markSentAll(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        transactions.run(() -> {
            // one batch: on PostgreSQL one round trip for the group instead of one a row
            db.batch("UPDATE outbox SET status = 'SENT', external_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                    sent.stream().map(s -> new Object[]{s.externalId(), now, s.id()}).toList());
            for (Sent s : sent) {
                if (s.alsoRecord() != null) {
                    try {
                        s.alsoRecord().run();
                    } catch (RuntimeException e) {
                        LOG.warn("Outbox item {}: extra record failed: {}", s.id(), e.getClass().getSimpleName());
                    }
                }
            }
        });
    }

    public void retryLater(long id, Duration after, String reason) {
        db.update("UPDATE outbox SET status = 'QUEUED', not_before = ?, last_error = ? WHERE id = ?",
                clock.instant().plus(after), reason, id);
    }

    public void markFailed(long id, String reason) {
        db.update("UPDATE outbox SET status = 'FAILED', last_error = ?, sent_at = ? WHERE id = ?", reason, clock.instant(), id);
    }

    /**
     * Ends the rows of one batch type for one address that no worker has claimed yet (QUEUED or HELD) as FAILED with
     * {@code reason}, e.g. when the person unsubscribes mid-broadcast; rows already in flight are left alone. Joins the
     * caller's transaction; returns how many rows it ended.
     */
    public int cancelUnclaimed(String batchType, String channel, String address, String reason) {
        return db.update("UPDATE outbox SET status = 'FAILED', last_error = ?, sent_at = ? WHERE batch_type = ? "
                + "AND channel = ? AND address = ? AND status IN ('QUEUED', 'HELD')", reason, clock.instant(), batchType,
                channel, address);
    }

    /**
     * A message to {@code address} that was handed over was later reported undelivered (a bounce names the address,
     * not the message): the latest row sent to it since {@code since} becomes FAILED with the reason
     * "{@value SendResult.Failed#BOUNCED}: {@code detail}". Joins the caller's transaction; false when none matched.
     */
    public boolean markBounced(String channel, String address, Instant since, String detail) {
        return db.update("UPDATE outbox SET status = 'FAILED', last_error = ? WHERE id = (SELECT id FROM outbox WHERE "
                + "address = ? AND channel = ? AND status = 'SENT' AND sent_at >= ? ORDER BY sent_at DESC, id DESC LIMIT 1)",
                SendResult.Failed.BOUNCED + ": " + detail, address, channel, since) > 0;
    }

    /** A message handed over by a channel that delivers by showing it (the web page), with its row id. */
    public record Shown(long id, OutboundMessage message) {
    }

    /**
     * For a channel whose "send" is the next page the person sees (the web): the rows queued for one address, oldest
     * first, marked SENT in the same write. No worker claims such a channel's rows.
     */
    public List<Shown> takeQueued(String channel, String address) {
        Instant now = clock.instant();
        return transactions.write(() -> {
            List<Shown> rows = db.query("SELECT id, payload FROM outbox WHERE channel = ? AND address = ? AND status = 'QUEUED' "
                    + "ORDER BY id", rs -> new Shown(rs.getLong(1), read(rs.getString(2), OutboundMessage.class)), channel, address);
            rows.forEach(r -> db.update("UPDATE outbox SET status = 'SENT', sent_at = ? WHERE id = ?", now, r.id()));
            return rows;
        });
    }

    /** As {@link #takeQueued} but read-only: what a page view (a GET) shows without marking it shown. */
    public List<OutboundMessage> queued(String channel, String address) {
        return db.query("SELECT payload FROM outbox WHERE channel = ? AND address = ? AND status = 'QUEUED' ORDER BY id",
                rs -> read(rs.getString(1), OutboundMessage.class), channel, address);
    }

    /** The last message shown to one address on such a channel, to show it again (a reload). */
    public java.util.Optional<OutboundMessage> lastShown(String channel, String address) {
        return db.one("SELECT payload FROM outbox WHERE channel = ? AND address = ? AND status = 'SENT' ORDER BY id DESC LIMIT 1",
                rs -> read(rs.getString(1), OutboundMessage.class), channel, address);
    }

    /** Puts rows left SENDING by a crash back in the queue; returns how many. */
    public int requeueInFlight(String channel) {
        return db.update("UPDATE outbox SET status = 'QUEUED' WHERE channel = ? AND status = 'SENDING'", channel);
    }

    public long pending(String channel) {
        return db.count("SELECT count(*) FROM outbox WHERE channel = ? AND status IN ('QUEUED', 'SENDING')", channel);
    }

    /** Counts per status for one batch (e.g. a newsletter). */
    public Map<String, Long> batchCounts(String batchType, long batchId) {
        return db.query("SELECT status, count(*) FROM outbox WHERE batch_type = ? AND batch_id = ? GROUP BY status",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), batchType, batchId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One batch's rows handed over to their channel, as (channel, address): whom it reached, for reports. */
    public List<Map.Entry<String, String>> batchSentTo(String batchType, long batchId) {
        return db.query("SELECT channel, address FROM outbox WHERE batch_type = ? AND batch_id = ? AND status = 'SENT'",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), batchType, batchId);
    }

    /** Counts of one batch's FAILED rows per reason (last_error). */
    public Map<String, Long> batchFailures(String batchType, long batchId) {
        return db.query("SELECT COALESCE(last_error, ''), count(*) FROM outbox WHERE batch_type = ? AND batch_id = ? "
                        + "AND status = 'FAILED' GROUP BY 1", rs -> Map.entry(rs.getString(1), rs.getLong(2)), batchType, batchId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Queues a broadcast row that no worker claims until {@link #releaseBatch}: a whole audience can be rows
     * before the first of them is sent. Held rows count as pending in {@link #batchCounts} (status HELD).
     */
    public long enqueueHeld(String channel, String address, OutboundMessage message, String batchType, long batchId) {
        Instant now = clock.instant();
        return db.insert("INSERT INTO outbox (channel, address, priority, payload, status, not_before, batch_type, batch_id, "
                + "created_at) VALUES (?, ?, ?, ?, 'HELD', ?, ?, ?, ?)", channel, address, BULK, json(message), now,
                batchType, batchId, now);
    }

    /** Makes a batch's held rows sendable; returns how many. Call {@link #wake} per channel after commit. */
    public int releaseBatch(String batchType, long batchId) {
        return db.update("UPDATE outbox SET status = 'QUEUED', not_before = ? WHERE batch_type = ? AND batch_id = ? "
                + "AND status = 'HELD'", clock.instant(), batchType, batchId);
    }

    /** Workers register here to be woken when rows for their channel are committed. */
    public void onEnqueued(String channel, Runnable waker) {
        wakers.put(channel, waker);
    }

    /** Wakes a channel's worker; call after the transaction that enqueued has committed. */
    public void wake(String channel) {
        Runnable waker = wakers.get(channel);
        if (waker != null) {
            waker.run();
        }
    }
}
