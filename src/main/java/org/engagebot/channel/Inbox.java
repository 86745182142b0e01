package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every inbound message, written once before it is acted on. (channel, external id) is unique, so a
 * repeated delivery is a no-op. Status moves RECEIVED → PROCESSED, or QUARANTINED with a reason.
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

    public Inbox(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the message; empty when it was already stored (a repeat). */
    public Optional<Long> store(InboundMessage m) {
        String[] kindBody = encode(m.input());
        long id = db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', ?) ON CONFLICT (channel, external_id) DO NOTHING",
                m.channel(), m.externalId(), m.address(), kindBody[0], kindBody[1], m.raw(), clock.instant());
        return id < 0 ? Optional.empty() : Optional.of(id);
    }

    /** Stores a message that will not be acted on, with the reason (malformed, too large, a flood). */
    public void storeQuarantined(String channel, String externalId, String address, byte[] raw, String reason) {
        db.update("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, reason, received_at) "
                        + "VALUES (?, ?, ?, 'raw', NULL, ?, 'QUARANTINED', ?, ?) ON CONFLICT (channel, external_id) DO NOTHING",
                channel, externalId, address, raw, reason, clock.instant());
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
}
