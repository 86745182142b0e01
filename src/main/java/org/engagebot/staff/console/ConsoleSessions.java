package org.engagebot.staff.console;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.staff.StaffAccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side console sessions keyed by a random cookie token (only its hash is stored). A session ends on
 * sign-out, after {@code engagebot.console.session-idle} without a request, or (checked on every request by
 * {@link SessionAuthenticationFetcher}) when its account's auth epoch moves on: a password reset, lock or deactivation.
 */
@Singleton
class ConsoleSessions {
    static final String COOKIE = "engagebot_console";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Db db;
    private final Clock clock;
    private final Duration idle;

    ConsoleSessions(Db db, Clock clock, @Value("${engagebot.console.session-idle:8h}") Duration idle) {
        this.db = db;
        this.clock = clock;
        this.idle = idle;
    }

    /** A session row: {@code mfa} once the second factor was given (or enrolled) in it. */
    record Session(String token, String username, String csrf, boolean mfa, long epoch, Instant createdAt) {
    }

    /** Starts a session for an account at its current auth epoch and returns the token to put in the cookie. */
    String start(StaffAccount account, boolean mfa) {
        String token = random();
        Instant now = clock.instant();
        db.insert("INSERT INTO console_session (token_hash, username, csrf, created_at, last_seen_at, mfa, auth_epoch) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", hash(token), account.username(), random(), now, now, mfa, account.authEpoch());
        return token;
    }

    Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(Session session, Instant lastSeen) {
        }
        Optional<Row> row = db.one("SELECT username, csrf, mfa, auth_epoch, created_at, last_seen_at FROM console_session "
                + "WHERE token_hash = ?", rs -> new Row(new Session(token, rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                rs.getLong(4), Db.instant(rs, "created_at")), Db.instant(rs, "last_seen_at")), hash(token));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastSeen().plus(idle).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        if (row.get().lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            db.update("UPDATE console_session SET last_seen_at = ? WHERE token_hash = ?", now, hash(token));
        }
        return Optional.of(row.get().session());
    }

    /** The session passed the second factor: it continues under a new token (the old one is dropped). */
    String upgrade(Session session, StaffAccount account) {
        end(session.token());
        return start(account, true);
    }

    void end(String token) {
        if (token != null) {
            db.update("DELETE FROM console_session WHERE token_hash = ?", hash(token));
        }
    }

    void endAllFor(String username) {
        db.update("DELETE FROM console_session WHERE username = ?", username);
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
