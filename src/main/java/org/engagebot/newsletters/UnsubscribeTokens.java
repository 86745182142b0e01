package org.engagebot.newsletters;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Unsubscribe tokens: the contact id (base 36) and an HMAC-SHA256 (128 bits kept) over purpose and id, so
 * a token names one contact for one purpose, cannot be guessed or altered, and carries no personal data.
 * The key is {@code engagebot.unsubscribe.secret}, else one generated once and kept in the database.
 */
@Singleton
class UnsubscribeTokens {
    static final String PURPOSE = "newsletter";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    UnsubscribeTokens(@Nullable @Value("${engagebot.unsubscribe.secret:}") String secret, SettingStore settings) {
        String value = secret != null && !secret.isBlank() ? secret
                : settings.getOrCreate("unsubscribe.secret", UnsubscribeTokens::generate);
        this.key = value.getBytes(StandardCharsets.UTF_8);
    }

    String issue(long contactId) {
        String id = Long.toString(contactId, 36);
        return id + "." + B64.encodeToString(mac(id));
    }

    /** The contact id a genuine token names; empty for anything else. */
    OptionalLong verify(String token) {
        if (token == null || token.length() > 100) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return OptionalLong.empty();
        }
        String id = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!id.matches("[0-9a-z]{1,13}") || !MessageDigest.isEqual(given, mac(id))) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(id, 36));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    private byte[] mac(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(("unsubscribe:" + PURPOSE + ":" + id).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
