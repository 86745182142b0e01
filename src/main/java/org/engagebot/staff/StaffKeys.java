package org.engagebot.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The staff sign-in secret that never lives in the database, so a dump of the database alone cannot read TOTP
 * keys, check recovery codes or map throttle counters back to usernames. It is {@code engagebot.staff.totp-key}
 * (32 bytes, base64) when set, else 32 random bytes generated once into a file ({@code engagebot.staff.totp-key-file},
 * by default {@code engagebot-totp.key} beside the SQLite file), readable by the service's user only. Purpose keys
 * are derived from it with HMAC, so one secret serves sealing, recovery-code hashing and throttle keys.
 */
@Singleton
public class StaffKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] sealKey;
    private final byte[] hashKey;

    StaffKeys(@Nullable @Value("${engagebot.staff.totp-key:}") String configured,
              @Nullable @Value("${engagebot.staff.totp-key-file:}") String file,
              @Value("${datasources.default.url:`jdbc:sqlite:./data/engagebot.db`}") String databaseUrl) {
        byte[] master = configured != null && !configured.isBlank() ? decode(configured)
                : fromFile(file != null && !file.isBlank() ? Path.of(file) : besideDatabase(databaseUrl));
        this.sealKey = hmac(master, "seal");
        this.hashKey = hmac(master, "hash");
    }

    /** AES-256-GCM with a fresh nonce: "v1:" + base64(nonce + ciphertext). */
    String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain bytes of a sealed value; fails (never returns garbage) when the value or the key is wrong. */
    byte[] open(String sealed) {
        if (sealed == null || !sealed.startsWith("v1:")) {
            throw new IllegalStateException("Not a sealed value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(128, in, 0, 12));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed TOTP key could not be opened: is engagebot.staff.totp-key the one it was sealed with?", e);
        }
    }

    /** A keyed hash (hex) of a value, for lookups that must not be reversible from the database alone. */
    String hash(String value) {
        return java.util.HexFormat.of().formatHex(hmac(hashKey, value));
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String configured) {
        byte[] key = Base64.getDecoder().decode(configured.strip());
        if (key.length < 32) {
            throw new IllegalStateException("engagebot.staff.totp-key must be at least 32 bytes, base64-encoded");
        }
        return key;
    }

    static Path besideDatabase(String url) {
        String prefix = "jdbc:sqlite:";
        if (url.startsWith(prefix) && !url.contains(":memory:")) {
            Path db = Path.of(url.substring(prefix.length()).split("\\?", 2)[0]).toAbsolutePath();
            return db.resolveSibling("engagebot-totp.key");
        }
        return Path.of("data", "engagebot-totp.key");
    }

    private static synchronized byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the staff key file " + file, e);
        }
    }
}
