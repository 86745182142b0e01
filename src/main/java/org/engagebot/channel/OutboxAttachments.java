package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bytes of outbound attachments, content-addressed (SHA-256), so identical files (one .ics per event and
 * language, one set of papers per meeting) are stored once however many messages carry them. Joins the
 * caller's transaction.
 */
@Singleton
public class OutboxAttachments {
    private final Db db;
    private final Clock clock;

    public OutboxAttachments(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the bytes (once) and answers an attachment that refers to them. */
    public Attachment store(String filename, String contentType, byte[] content) {
        String id = sha256(content);
        db.update("INSERT INTO outbox_attachment (id, content, size, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, content, content.length, clock.instant());
        return new Attachment(filename, contentType, id);
    }

    public Optional<byte[]> content(String id) {
        return db.one("SELECT content FROM outbox_attachment WHERE id = ?", rs -> rs.getBytes(1), id);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
