package org.engagebot.contacts.identity;

import io.micronaut.context.annotation.Context;
import org.engagebot.platform.Db;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of a proof: 6-digit codes and 256-bit link tokens from a SecureRandom, and HMAC-SHA256 under the server
 * key of everything stored, so a copy of the database alone neither reveals a code nor lets one be checked offline.
 * The key is engagebot.identity.secret, else one generated once and kept in identity_setting (read at start-up,
 * outside any transaction that could roll the new key back).
 */
@Context
class ProofSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    ProofSecrets(IdentitySettings settings, Db db) {
        String configured = settings.secret();
        String value = configured != null && !configured.isBlank() ? configured : stored(db);
        this.key = value.getBytes(StandardCharsets.UTF_8);
    }

    String newCode() {
        String digits = Integer.toString(RANDOM.nextInt(1_000_000));
        return "000000".substring(digits.length()) + digits;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** The stored form of a code: bound to its proof row, so one row's hash says nothing about another's. */
    String codeHash(long proofId, String code) {
        return mac("code:" + proofId + ":" + code);
    }

    String tokenHash(String kind, String token) {
        return mac("token:" + kind + ":" + token);
    }

    /** Stands for an address in limits and blocks without holding the address. */
    String addressKey(String address) {
        return mac("address:" + address);
    }

    /** Constant-time comparison of two stored forms. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean looksLikeToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** One keyed Mac per thread (doFinal resets it): looking up the provider and keying it per call cost more. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(String value) {
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private String stored(Db db) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        db.update("INSERT INTO identity_setting (name, value) VALUES ('secret', ?) ON CONFLICT (name) DO NOTHING",
                B64.encodeToString(bytes));
        return db.one("SELECT value FROM identity_setting WHERE name = 'secret'", rs -> rs.getString(1)).orElseThrow();
    }
}
