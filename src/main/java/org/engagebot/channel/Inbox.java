package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every inbound message, written once before it is acted on. (channel, external id) is unique, so a
 * repeated delivery (same sender, same content) is a no-op; the same id with another sender or content is kept
 * quarantined. Status moves RECEIVED → PROCESSED, or QUARANTINED with a reason.
 */
@Singleton
public class Inbox {
    public enum Status { RECEIVED, PROCESSED, QUARANTINED, FAILED }

    /** A stored message; {@code input} is rebuilt from the stored kind and body. */
    public record Entry(long id, String channel, String externalId, String address, Input input, Status status,
                        Instant receivedAt) {
    }

    private final Db db;
    private final Clock clock;
    private final Transactions transactions;
    /** PostgreSQL: stores join group commits (-Dengagebot.pg.group-stores=false: each commits alone, to measure). */
    private final boolean groupStores = !"false".equals(System.getProperty("engagebot.pg.group-stores"));

    public Inbox(Db db, Clock clock, Transactions transactions) {
        this.db = db;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Stores the message; empty when it was already stored (a repeat) or was stored flagged (see below). */
    public Optional<Long> store(InboundMessage m) {
        return store(m, fingerprint(m.raw(), m.input()));
    }

    /**
     * Stores the message, {@code fingerprint} standing for its content (a channel may leave out what changes in
     * transit). A repeated external id from the same sender with the same fingerprint is a no-op (empty); one whose
     * sender or content differs is stored QUARANTINED under a derived id with the reason (also empty: nothing acts on
     * it), so a reused id never silently hides a message.
     */
    public Optional<Long> store(InboundMessage m, String fingerprint) {
        String[] kindBody = encode(m.input());
        Row row = new Row(m.channel(), m.externalId(), m.address(), kindBody[0], kindBody[1], m.raw(), fingerprint);
        java.util.function.Supplier<Optional<Long>> work = () -> {
            long id = insert(row, "RECEIVED", null);
            if (id >= 0) {
                return Optional.of(id);
            }
            flagIfReused(row);
            return Optional.<Long>empty();
        };
        // grouped with other threads' work (their stores and steps) into one commit; on PostgreSQL alone it would
        // commit by itself (autocommit), but in a group its COMMIT is shared
        return db.dialect().postgres() && !groupStores ? work.get() : transactions.grouped(work);
    }

    /** Stores a message that will not be acted on, with the reason (malformed, too large, a flood). */
    public void storeQuarantined(String channel, String externalId, String address, byte[] raw, String reason) {
        Row row = new Row(channel, externalId, address, "raw", null, raw, fingerprint(raw, null));
        if (insert(row, "QUARANTINED", reason) < 0) {
            flagIfReused(row);
        }
    }

    private record Row(String channel, String externalId, String address, String kind, String body, byte[] raw,
                       String hash) {
    }

    private long insert(Row r, String status, String reason) {
        return db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, reason, received_at, "
                        + "content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, external_id) DO NOTHING",
                r.channel(), r.externalId(), r.address(), r.kind(), r.body(), r.raw(), status, reason, clock.instant(),
                r.hash());
    }

    /**
     * A stored id came again. Same sender and content (or a row from before fingerprints, same sender): a true
     * repeat. Otherwise keep this one too, quarantined under "id#reuse-HASH" (a repeat of the reuse is a no-op).
     */
    private void flagIfReused(Row r) {
        Optional<String[]> stored = db.one("SELECT address, content_hash FROM inbox WHERE channel = ? AND external_id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, r.channel(), r.externalId());
        if (stored.isEmpty()) {
            return;
        }
        boolean sameSender = stored.get()[0].equalsIgnoreCase(r.address());
        if (sameSender && (stored.get()[1] == null || stored.get()[1].equals(r.hash()))) {
            return;
        }
        String idName = "email".equals(r.channel()) ? "Message-ID" : "message id";
        String reason = idName + " reused " + (sameSender ? "with different content" : "by a different sender");
        String derived = r.externalId() + "#reuse-" + sha256((r.address() + "\n" + r.hash()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
        insert(new Row(r.channel(), derived, r.address(), r.kind(), r.body(), r.raw(), r.hash()), "QUARANTINED", reason);
    }

    /** SHA-256 of the raw bytes, else of what was said (a channel that keeps no raw, e.g. the terminal). */
    static String fingerprint(byte[] raw, Input input) {
        if (raw != null || input == null) {
            return sha256(raw == null ? new byte[0] : raw);
        }
        String[] kindBody = encode(input);
        return sha256((kindBody[0] + "\n" + kindBody[1]).getBytes(StandardCharsets.UTF_8));
    }

    /** One digest per thread (digest() resets it): the provider lookup cost as much as hashing a short message. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    public Optional<Entry> find(long id) {
        return db.one("SELECT * FROM inbox WHERE id = ?", rs -> new Entry(rs.getLong("id"), rs.getString("channel"),
                rs.getString("external_id"), rs.getString("address"), decode(rs.getString("kind"), rs.getString("body")),
                Status.valueOf(rs.getString("status")), Db.instant(rs, "received_at")), id);
    }

    /** The stored original bytes (an email's RFC 5322 source), if kept. */
    public Optional<byte[]> raw(long id) {
        return db.one("SELECT raw FROM inbox WHERE id = ? AND raw IS NOT NULL", rs -> rs.getBytes(1), id);
    }

    /** Ids stored but not yet acted on (after a crash), oldest first. */
    public List<Long> pending(String channel) {
        return db.query("SELECT id FROM inbox WHERE channel = ? AND status = 'RECEIVED' ORDER BY id", rs -> rs.getLong(1), channel);
    }

    public void markProcessed(long id) {
        db.update("UPDATE inbox SET status = 'PROCESSED', processed_at = ? WHERE id = ?", clock.instant(), id);
    }

    /** Marks a RECEIVED message PROCESSED; false when it was already handled (by another run). */
    public boolean claim(long id) {
        return db.update("UPDATE inbox SET status = 'PROCESSED', processed_at = ? WHERE id = ? AND status = 'RECEIVED'",
                clock.instant(), id) == 1;
    }

    /** The entry as it would be read back, for a message just stored (saves a read). */
    public static Entry entry(long id, InboundMessage m, Instant receivedAt) {
        String[] kindBody = encode(m.input());
        return new Entry(id, m.channel(), m.externalId(), m.address(), decode(kindBody[0], kindBody[1]),
                Status.RECEIVED, receivedAt);
    }

    public void quarantine(long id, String reason) {
        db.update("UPDATE inbox SET status = 'QUARANTINED', reason = ?, processed_at = ? WHERE id = ?", reason, clock.instant(), id);
    }

    public void markFailed(long id, String reason) {
        db.update("UPDATE inbox SET status = 'FAILED', reason = ?, processed_at = ? WHERE id = ?", reason, clock.instant(), id);
    }

    static String[] encode(Input input) {
        if (input instanceof Input.Typed t) {
            return new String[]{"text", t.text()};
        }
        if (input instanceof Input.Picked p) {
            return new String[]{"picked", p.value()};
        }
        if (input instanceof Input.Command c) {
            return new String[]{"command", "/" + c.name() + (c.argument().isEmpty() ? "" : " " + c.argument())};
        }
        return new String[]{"unsupported", ((Input.Unsupported) input).kind()};
    }

    static Input decode(String kind, String body) {
        return switch (kind) {
            case "text" -> new Input.Typed(body);
            case "picked" -> new Input.Picked(body);
            case "command" -> Input.fromText(body);
            default -> new Input.Unsupported(body == null ? kind : body);
        };
    }

    /** For the engagement report: messages received in [from, to), by channel, twelve monthly counts in {@code zone}. */
    public java.util.Map<String, long[]> monthlyByChannel(Instant from, Instant to, java.time.ZoneId zone) {
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        db.query("SELECT channel, received_at FROM inbox WHERE received_at >= ? AND received_at < ?",
                rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)), from, to).forEach(r -> {
                    int month = Instant.ofEpochMilli(r.getValue()).atZone(zone).getMonthValue();
                    out.computeIfAbsent(r.getKey(), k -> new long[12])[month - 1]++;
                });
        return out;
    }
}
