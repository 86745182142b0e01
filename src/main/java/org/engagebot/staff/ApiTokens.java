package org.engagebot.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for scripts calling the staff API on behalf of a staff account. A token is 32 random bytes,
 * shown once at creation; only its SHA-256 is stored, so a copy of the database cannot be used to call the API.
 * A token expires ({@code engagebot.staff.token-ttl}, 90 days, or sooner if asked), dies with its account's auth
 * epoch (password reset, lock, deactivation), and for an account with two-factor only counts if it was minted
 * after a second factor. Its last use is written at most once a minute, to keep API calls from writing.
 */
@Singleton
public class ApiTokens {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final Db db;
    private final Clock clock;
    private final StaffAccounts accounts;
    private final Duration ttl;

    public ApiTokens(Db db, Clock clock, StaffAccounts accounts, @Value("${engagebot.staff.token-ttl:90d}") Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.ttl = ttl;
    }

    @Serdeable
    public record Issued(long id, String label, String token, Instant expiresAt) {
    }

    @Serdeable
    public record Listed(long id, String username, String label, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                         boolean revoked, boolean expired) {
    }

    /** A live token's account, and whether the token was minted after a second factor. */
    public record Holder(StaffAccount account, boolean mfa) {
    }

    public Duration maxTtl() {
        return ttl;
    }

    /** Issues a token for the account; {@code lifetime} is capped at the configured maximum. */
    public Issued issue(StaffAccount account, String label, Duration lifetime, boolean mfa) {
        String token = "eb_" + Tokens.random();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime == null || lifetime.compareTo(ttl) > 0 ? ttl : lifetime);
        long id = db.insert("INSERT INTO api_token (staff_id, label, token_hash, created_at, expires_at, mfa, auth_epoch) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", account.id(), label, Tokens.sha256(token), now, expires, mfa, account.authEpoch());
        return new Issued(id, label, token, expires);
    }

    public Optional<Holder> resolve(String token) {
        if (token == null || !token.startsWith("eb_")) {
            return Optional.empty();
        }
        record Row(long id, String username, Instant expiresAt, Instant lastUsed, boolean mfa, long epoch) {
        }
        Instant now = clock.instant();
        Optional<Row> row = db.one("SELECT t.id, s.username, t.expires_at, t.last_used_at, t.mfa, t.auth_epoch FROM api_token t "
                + "JOIN staff_account s ON s.id = t.staff_id WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                rs -> new Row(rs.getLong(1), rs.getString(2), Db.instant(rs, "expires_at"), Db.instant(rs, "last_used_at"),
                        rs.getInt(5) == 1, rs.getLong(6)), Tokens.sha256(token));
        Optional<Holder> holder = row.filter(r -> r.expiresAt() != null && r.expiresAt().isAfter(now))
                .flatMap(r -> accounts.current(r.username(), r.epoch()).map(a -> new Holder(a, r.mfa())))
                .filter(h -> h.mfa() || !h.account().totpEnabled());
        holder.ifPresent(h -> {
            Row r = row.get();
            if (r.lastUsed() == null || r.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
                db.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", now, r.id());
            }
        });
        return holder;
    }

    public List<Listed> all() {
        Instant now = clock.instant();
        return db.query("SELECT t.*, s.username FROM api_token t JOIN staff_account s ON s.id = t.staff_id ORDER BY t.id",
                rs -> {
                    Instant expires = Db.instant(rs, "expires_at");
                    return new Listed(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
                            Db.instant(rs, "created_at"), expires, Db.instant(rs, "last_used_at"),
                            rs.getObject("revoked_at") != null, expires == null || !expires.isAfter(now));
                });
    }

    public boolean revoke(long id) {
        return db.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), id) == 1;
    }
}
