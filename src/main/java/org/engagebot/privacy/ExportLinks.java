package org.engagebot.privacy;

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
import java.util.Optional;

/**
 * Short-lived, unguessable download links for a person's own data: 32 random bytes, base64url, of which only
 * the SHA-256 is stored. The URL names no person; the export is built fresh when the link is opened.
 */
@Singleton
class ExportLinks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Db db;
    private final Clock clock;
    private final PrivacySettings settings;

    ExportLinks(Db db, Clock clock, PrivacySettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    record Holder(long participantId, Long contactId) {
    }

    String issue(long participantId, Long contactId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        db.insert("INSERT INTO privacy_export_token (token_hash, participant_id, contact_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", hash(token), participantId, contactId, now, now.plus(settings.exportLinkTtl()));
        return token;
    }

    Optional<Holder> redeem(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return db.one("SELECT participant_id, contact_id FROM privacy_export_token WHERE token_hash = ? AND expires_at > ?",
                rs -> new Holder(rs.getLong(1), Db.nullableLong(rs, "contact_id")), hash(token), clock.instant());
    }

    int deleteExpired() {
        return db.update("DELETE FROM privacy_export_token WHERE expires_at <= ?", clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
