package org.engagebot.channel.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A browser's web session: a random cookie token, stored only as its hash, pointing to the session key, which is the
 * participant's address on channel "web". Everything else (flow, step, answers) is the conversation engine's session
 * for that participant, so a restart or a second tab loses nothing. A cookie not used for
 * {@code engagebot.web.session-idle} no longer opens its session: on a shared computer the next person must not find
 * the last one's answers, or the details of the contact her session proved an address for, in the forms (the answers
 * are kept; "save and come back later" links still open them).
 */
@Singleton
class WebSessions {
    static final String COOKIE = "engagebot_web";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    private final Db db;
    private final Transactions tx;
    private final Clock clock;
    private final Duration idle;

    WebSessions(Db db, Transactions tx, Clock clock, @Value("${engagebot.web.session-idle:2h}") Duration idle) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.idle = idle;
    }

    /** A new token for the cookie; with {@code key} null a new session, else another way into that one (a resume link). */
    record Issued(String token, String key) {
    }

    Issued issue(String key) {
        String token = WebSigner.random(32);
        String sessionKey = key != null ? key : "w" + WebSigner.random(18);
        Instant now = clock.instant();
        tx.run(() -> db.update("INSERT INTO web_session (token_hash, session_key, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                hash(token), sessionKey, now, now));
        return new Issued(token, sessionKey);
    }

    /**
     * Moves the session a resume link names (issued at {@code issued}) to a new browser. A link works once: refused
     * when a browser has come into the session since it was issued. Every other browser's cookie for the session
     * ends, so whoever saved a session and passed the link on cannot follow the person who pressed it.
     */
    Optional<Issued> resume(String key, Instant issued) {
        String token = WebSigner.random(32);
        Instant now = clock.instant();
        return tx.write(() -> {
            if (db.count("SELECT count(*) FROM web_session WHERE session_key = ? AND created_at >= ?", key, issued) > 0) {
                return Optional.<Issued>empty();
            }
            db.update("DELETE FROM web_session WHERE session_key = ?", key);
            db.update("INSERT INTO web_session (token_hash, session_key, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                    hash(token), key, now, now);
            return Optional.of(new Issued(token, key));
        });
    }

    /** A new token for the session; every other browser's token for it ends (see {@link SessionProof}). */
    Issued rotate(String key) {
        String token = WebSigner.random(32);
        Instant now = clock.instant();
        tx.run(() -> {
            db.update("DELETE FROM web_session WHERE session_key = ?", key);
            db.update("INSERT INTO web_session (token_hash, session_key, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                    hash(token), key, now, now);
        });
        return new Issued(token, key);
    }

    Optional<String> key(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        record Row(String key, Instant lastSeen) {
        }
        Optional<Row> row = db.one("SELECT session_key, last_seen_at FROM web_session WHERE token_hash = ?",
                rs -> new Row(rs.getString(1), Db.instant(rs, "last_seen_at")), hash(token));
        Instant now = clock.instant();
        if (row.isPresent() && row.get().lastSeen().plus(idle).isBefore(now)) {
            tx.run(() -> db.update("DELETE FROM web_session WHERE token_hash = ?", hash(token)));
            return Optional.empty();
        }
        row.filter(r -> r.lastSeen().plus(TOUCH_EVERY).isBefore(now)).ifPresent(r -> tx.run(() ->
                db.update("UPDATE web_session SET last_seen_at = ? WHERE token_hash = ?", now, hash(token))));
        return row.map(Row::key);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
