package org.engagebot.staff.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.staff.StaffAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * A session is also bound to the browser that signed in (a hash of its User-Agent): the cookie replayed from another
 * browser or tool ends the session, as does reaching {@code engagebot.console.session-max} since sign-in, however
 * busy (the dashboard polls), so a copied cookie works neither elsewhere nor for ever. A browser that updates itself
 * mid-session signs in again.
 */
@Singleton
class ConsoleSessions {
    static final String COOKIE = "engagebot_console";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessions.class);

    private final Db db;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    ConsoleSessions(Db db, Clock clock, @Value("${engagebot.console.session-idle:8h}") Duration idle,
                    @Value("${engagebot.console.session-max:12h}") Duration max) {
        this.db = db;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** The browser a request comes from, as stored with its session: a hash of its User-Agent ("" when none). */
    static String browser(HttpRequest<?> request) {
        return hash(request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse(""));
    }

    /** A session row: {@code mfa} once the second factor was given (or enrolled) in it. */
    record Session(String token, String username, String csrf, boolean mfa, long epoch, Instant createdAt, String browser) {
    }

    /** Starts a session for an account at its current auth epoch and returns the token to put in the cookie. */
    String start(StaffAccount account, boolean mfa, String browser) {
        return start(account, mfa, browser, clock.instant());
    }

    private String start(StaffAccount account, boolean mfa, String browser, Instant signedIn) {
        String token = random();
        Instant now = clock.instant();
        db.insert("INSERT INTO console_session (token_hash, username, csrf, created_at, last_seen_at, mfa, auth_epoch, browser) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", hash(token), account.username(), random(), signedIn, now, mfa,
                account.authEpoch(), browser);
        return token;
    }

    /** The session the cookie names, if it is still good and used from the browser that signed in. */
    Optional<Session> find(String token, String browser) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(Session session, Instant lastSeen) {
        }
        Optional<Row> row = db.one("SELECT username, csrf, mfa, auth_epoch, created_at, last_seen_at, browser FROM console_session "
                + "WHERE token_hash = ?", rs -> new Row(new Session(token, rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                rs.getLong(4), Db.instant(rs, "created_at"), rs.getString(7)), Db.instant(rs, "last_seen_at")), hash(token));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Session session = row.get().session();
        if (row.get().lastSeen().plus(idle).isBefore(now) || session.createdAt().plus(max).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        if (session.browser() != null && !MessageDigest.isEqual(session.browser().getBytes(StandardCharsets.UTF_8),
                browser.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("A console session's cookie came from another browser than the one that signed in; session ended");
            end(token);
            return Optional.empty();
        }
        if (row.get().lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            db.update("UPDATE console_session SET last_seen_at = ? WHERE token_hash = ?", now, hash(token));
        }
        return Optional.of(session);
    }

    /** The session passed the second factor: it continues under a new token (the old one is dropped). */
    String upgrade(Session session, StaffAccount account) {
        end(session.token());
        return start(account, true, session.browser() == null ? "" : session.browser(), session.createdAt());
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
