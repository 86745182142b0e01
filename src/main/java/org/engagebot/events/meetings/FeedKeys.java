package org.engagebot.events.meetings;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Signs staff calendar feed URLs: HMAC-SHA256 of the username under a key generated once and kept in the database
 * (event_setting), so a feed URL works in any calendar app without a password and cannot be guessed for another
 * username. Checked in constant time.
 */
@Singleton
class FeedKeys {
    private static final String NAME = "calendar-feed-key";

    private final Db db;
    private volatile byte[] key;

    FeedKeys(Db db) {
        this.db = db;
    }

    String sign(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean valid(String username, String signature) {
        return signature != null && MessageDigest.isEqual(sign(username).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            db.update("INSERT INTO event_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", NAME,
                    HexFormat.of().formatHex(fresh));
            key = HexFormat.of().parseHex(db.one("SELECT value FROM event_setting WHERE name = ?", rs -> rs.getString(1),
                    NAME).orElseThrow());
        }
        return key;
    }
}
