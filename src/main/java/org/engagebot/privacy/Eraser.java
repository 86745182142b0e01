package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.conversation.SessionStore;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Erases one person. Contact, consent and channel links are deleted; other features erase their own rows, each
 * through its {@link ErasureParticipant} (ErasureParticipantsIT checks every table holding a person is claimed by
 * one, or listed as privacy's own here); stored messages lose their bodies, raw bytes and (for outbox rows outside a broadcast)
 * the row itself; sessions and download links are deleted. Participant rows are kept, so foreign keys and anonymous
 * counts stay valid, but their address becomes "erased:" + SHA-256(random salt, channel, address): unique, not
 * reversible and not linkable, so a later message from the same chat starts afresh as a stranger.
 * {@link #eraseMessages} does the stored messages, which can be thousands of rows, in chunks outside any
 * transaction; {@link #erase} does the rest (and any message that arrived meanwhile) inside the caller's. Both are
 * idempotent. Goodbyes queued for scrubbing (privacy_scrub) are left for {@link GoodbyeScrubber}.
 */
@Singleton
class Eraser {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOT_A_GOODBYE = " AND id NOT IN (SELECT outbox_id FROM privacy_scrub)";
    private static final String BLANK_OUTBOX = "UPDATE outbox SET address = 'erased', payload = '{\"text\":\"\"}', "
            + "status = CASE WHEN status IN ('QUEUED', 'SENDING', 'HELD') THEN 'FAILED' ELSE status END, last_error = CASE "
            + "WHEN status IN ('QUEUED', 'SENDING', 'HELD') THEN 'erased' ELSE last_error END";

    private final Db db;
    private final Chunks chunks;
    private final SessionStore sessions;
    private final List<ErasureParticipant> owners;

    Eraser(Db db, Chunks chunks, SessionStore sessions, List<ErasureParticipant> owners) {
        this.db = db;
        this.chunks = chunks;
        this.sessions = sessions;
        this.owners = owners;
    }

    /**
     * The tables this class still erases itself, for other owners (contacts, channel, conversation): issue #14
     * part 5 moves each into its owner's ErasureParticipant.
     */
    static final java.util.Set<String> OWN_TABLES = java.util.Set.of("participant", "conversation_session", "inbox",
            "outbox", "contact", "contact_channel", "consent", "privacy_export_token", "privacy_scrub", "privacy_erasure");

    record Counts(int participants, int inbox, int outbox) {
        String describe() {
            return "participants=" + participants + " inbox=" + inbox + " outbox=" + outbox;
        }

        Counts plus(Counts o) {
            return new Counts(participants + o.participants, inbox + o.inbox, outbox + o.outbox);
        }
    }

    /** The person's stored messages, chunk by chunk, each chunk its own write transaction. Call outside one. */
    Counts eraseMessages(Person person) {
        int outbox = 0;
        int inbox = 0;
        for (Person.Address a : person.addresses()) {
            String mine = "WHERE address = ? AND channel = ?" + NOT_A_GOODBYE;
            outbox += chunks.byId("SELECT id FROM outbox " + mine + " AND batch_type IS NULL AND id > ? ORDER BY id LIMIT ?",
                    "DELETE FROM outbox " + mine + " AND batch_type IS NULL AND id IN ({ids})", a.address(), a.channel());
            outbox += chunks.byId("SELECT id FROM outbox " + mine + " AND id > ? ORDER BY id LIMIT ?",
                    BLANK_OUTBOX + " " + mine + " AND id IN ({ids})", a.address(), a.channel());
            inbox += chunks.byId("SELECT id FROM inbox WHERE channel = ? AND address = ? AND id > ? ORDER BY id LIMIT ?",
                    List.of(a.channel(), a.address()), "UPDATE inbox SET body = NULL, raw = NULL, address = ? "
                            + "WHERE channel = ? AND address = ? AND id IN ({ids})",
                    marker(a.channel(), a.address()), a.channel(), a.address());
        }
        return new Counts(0, inbox, outbox);
    }

    /** Everything, inside the caller's write transaction; stored messages left by {@link #eraseMessages} are few. */
    Counts erase(Person person) {
        for (ErasureParticipant owner : owners) {
            owner.erase(person.registered() ? person.contactId() : 0L, person.participantIds());
        }
        int outbox = 0;
        int inbox = 0;
        for (Person.Address a : person.addresses()) {
            outbox += db.update("DELETE FROM outbox WHERE channel = ? AND address = ? AND batch_type IS NULL" + NOT_A_GOODBYE,
                    a.channel(), a.address());
            outbox += db.update(BLANK_OUTBOX + " WHERE channel = ? AND address = ?" + NOT_A_GOODBYE, a.channel(), a.address());
            inbox += db.update("UPDATE inbox SET body = NULL, raw = NULL, address = ? WHERE channel = ? AND address = ?",
                    marker(a.channel(), a.address()), a.channel(), a.address());
        }
        for (long id : person.participantIds()) {
            sessions.delete(id);
            db.update("DELETE FROM privacy_export_token WHERE participant_id = ?", id);
        }
        if (person.registered()) {
            deleteContact(person.contactId());
        }
        int participants = 0;
        for (long id : person.participantIds()) {
            participants += db.update("UPDATE participant SET address = ?, display_name = NULL, language = NULL WHERE id = ?",
                    marker("participant", Long.toString(id)), id);
        }
        return new Counts(participants, inbox, outbox);
    }

    private void deleteContact(long contactId) {
        db.update("DELETE FROM privacy_export_token WHERE contact_id = ?", contactId);
        db.update("DELETE FROM consent WHERE contact_id = ?", contactId);
        db.update("DELETE FROM contact_channel WHERE contact_id = ?", contactId);
        try {
            db.update("DELETE FROM contact WHERE id = ?", contactId);
        } catch (Db.DataAccessFailure stillReferenced) {
            db.update("UPDATE contact SET organisation = NULL, name = NULL, email = NULL, phone = NULL, website = NULL, "
                    + "area = NULL, description = NULL, language = NULL, tags = NULL, subscribed = 0 WHERE id = ?", contactId);
        }
    }

    /** "erased:" + hex SHA-256 over a fresh random salt and the value: the value cannot be recovered or matched. */
    static String marker(String kind, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            sha.update(salt);
            sha.update((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return "erased:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
