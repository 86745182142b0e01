package org.engagebot.staff;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for scripts calling the staff API on behalf of a staff account. A token is 32 random bytes,
 * shown once at creation; only its SHA-256 is stored, so a copy of the database cannot be used to call the API.
 */
@Singleton
public class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Db db;
    private final Clock clock;

    public ApiTokens(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Serdeable
    public record Issued(long id, String label, String token) {
    }

    @Serdeable
    public record Listed(long id, String username, String label, Instant createdAt, Instant lastUsedAt, boolean revoked) {
    }

    public Issued issue(long staffId, String label) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "eb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = db.insert("INSERT INTO api_token (staff_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                staffId, label, hash(token), clock.instant());
        return new Issued(id, label, token);
    }

    /** The staff account a live token belongs to. */
    public Optional<StaffAccount> resolve(String token) {
        if (token == null || !token.startsWith("eb_")) {
            return Optional.empty();
        }
        Optional<String> username = db.one("SELECT s.username FROM api_token t JOIN staff_account s ON s.id = t.staff_id "
                + "WHERE t.token_hash = ? AND t.revoked_at IS NULL", rs -> rs.getString(1), hash(token));
        username.ifPresent(u -> db.update("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", clock.instant(), hash(token)));
        return username.flatMap(this::account);
    }

    public List<Listed> all() {
        return db.query("SELECT t.*, s.username FROM api_token t JOIN staff_account s ON s.id = t.staff_id ORDER BY t.id",
                rs -> new Listed(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
                        Db.instant(rs, "created_at"), Db.instant(rs, "last_used_at"), rs.getObject("revoked_at") != null));
    }

    public boolean revoke(long id) {
        return db.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) == 1;
    }

    private Optional<StaffAccount> account(String username) {
        return db.one("SELECT * FROM staff_account WHERE username = ?", rs -> new StaffAccount(rs.getLong("id"),
                rs.getString("username"), "", rs.getString("role"), 0, null, Db.instant(rs, "created_at")), username);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
