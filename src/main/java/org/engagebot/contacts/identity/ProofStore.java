package org.engagebot.contacts.identity;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The address_proof and address_block tables. Joins the caller's transaction. */
@Singleton
class ProofStore {
    private final Db db;

    ProofStore(Db db) {
        this.db = db;
    }

    /** One code sent: {@code outcome} null while it may still be used. */
    record Proof(long id, long participantId, String email, String targetHmac, String holder, String purpose,
                 String codeHash, int failedAttempts, Instant createdAt, Instant expiresAt, String outcome, Instant deniedAt) {

        boolean open() {
            return outcome == null;
        }

        boolean usable(Instant now, int maxTries) {
            return open() && now.isBefore(expiresAt) && failedAttempts < maxTries;
        }
    }

    long insert(long participantId, String email, String targetHmac, String holder, String purpose, String linkHash,
                String denyHash, Instant now, Instant expires) {
        return db.insert("INSERT INTO address_proof (participant_id, email, target_hmac, holder, purpose, code_hash, "
                        + "link_hash, deny_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)", participantId,
                email, targetHmac, holder, purpose, linkHash, denyHash, now, expires);
    }

    /** Held back to go with the transaction's next statement on PostgreSQL ({@link Db#updateLater}). */
    void setCodeHash(long id, String codeHash) {
        db.updateLater("UPDATE address_proof SET code_hash = ? WHERE id = ?", codeHash, id);
    }

    /** The participant's latest code, whatever became of it. */
    Optional<Proof> latestFor(long participantId) {
        return db.one("SELECT * FROM address_proof WHERE participant_id = ? ORDER BY id DESC LIMIT 1", ProofStore::map,
                participantId);
    }

    Optional<Proof> byLink(String linkHash) {
        return db.one("SELECT * FROM address_proof WHERE link_hash = ?", ProofStore::map, linkHash);
    }

    Optional<Proof> byDeny(String denyHash) {
        return db.one("SELECT * FROM address_proof WHERE deny_hash = ?", ProofStore::map, denyHash);
    }

    /** Counts a wrong code; answers the count after it. */
    int failed(long id) {
        db.update("UPDATE address_proof SET failed_attempts = failed_attempts + 1 WHERE id = ?", id);
        return db.one("SELECT failed_attempts FROM address_proof WHERE id = ?", rs -> rs.getInt(1), id).orElse(0);
    }

    /** Closes one open proof; false when it was no longer open (used by a concurrent request). */
    boolean close(long id, String outcome, Instant now) {
        return db.update("UPDATE address_proof SET outcome = ?, closed_at = ? WHERE id = ? AND outcome IS NULL", outcome,
                now, id) == 1;
    }

    /** Held back to go with the transaction's next statement on PostgreSQL ({@link Db#updateLater}). */
    void closeOpenOf(long participantId, String outcome, Instant now) {
        db.updateLater("UPDATE address_proof SET outcome = ?, closed_at = ? WHERE participant_id = ? AND outcome IS NULL",
                outcome, now, participantId);
    }

    /** Closes every open code for the address as denied, and marks the one its owner reported. */
    void deny(long reportedId, String targetHmac, Instant now) {
        db.update("UPDATE address_proof SET outcome = 'denied', closed_at = ? WHERE target_hmac = ? AND outcome IS NULL",
                now, targetHmac);
        db.update("UPDATE address_proof SET denied_at = ? WHERE id = ?", now, reportedId);
    }

    /** What {@link AddressProofs#start} checks before sending a code: counts at {@code now}. */
    record Budget(boolean blocked, long toAddressInHour, long toAddressInDay, long byParticipantInHour) {
    }

    /**
     * The address's block, the codes sent to it in the last hour and day and those the participant asked for in the
     * last hour, in one statement: one round trip where four ran in turn (a registration's end reads them).
     */
    Budget budget(String targetHmac, long participantId, Instant now, Instant hourAgo, Instant dayAgo) {
        return db.one("SELECT (SELECT count(*) FROM address_block WHERE target_hmac = ? AND until > ?), "
                        + "(SELECT count(*) FROM address_proof WHERE target_hmac = ? AND created_at >= ?), "
                        + "(SELECT count(*) FROM address_proof WHERE target_hmac = ? AND created_at >= ?), "
                        + "(SELECT count(*) FROM address_proof WHERE participant_id = ? AND created_at >= ?)",
                rs -> new Budget(rs.getLong(1) > 0, rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                targetHmac, now, targetHmac, hourAgo, targetHmac, dayAgo, participantId, hourAgo).orElseThrow();
    }

    void block(String targetHmac, Instant until, Instant now) {
        db.update("INSERT INTO address_block (target_hmac, until, created_at) VALUES (?, ?, ?) ON CONFLICT (target_hmac) "
                + "DO UPDATE SET until = CASE WHEN excluded.until > address_block.until THEN excluded.until "
                + "ELSE address_block.until END", targetHmac, until, now); // max(a, b) is SQLite's, GREATEST PostgreSQL's
    }

    /** Deletes attempts recorded before {@code cutoff} and blocks that have ended; answers rows deleted. */
    int purge(Instant cutoff, Instant now) {
        return db.update("DELETE FROM address_proof WHERE created_at < ?", cutoff)
                + db.update("DELETE FROM address_block WHERE until <= ?", now);
    }

    private static Proof map(ResultSet rs) throws SQLException {
        return new Proof(rs.getLong("id"), rs.getLong("participant_id"), rs.getString("email"),
                rs.getString("target_hmac"), rs.getString("holder"), rs.getString("purpose"), rs.getString("code_hash"),
                rs.getInt("failed_attempts"), Db.instant(rs, "created_at"), Db.instant(rs, "expires_at"),
                rs.getString("outcome"), Db.instant(rs, "denied_at"));
    }
}
