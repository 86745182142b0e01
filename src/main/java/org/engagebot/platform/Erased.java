package org.engagebot.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What an erased identifier becomes where a row must stay unique or non-null. */
public final class Erased {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Erased() {
    }

    /** "erased:" + hex SHA-256 over a fresh random salt and the value: the value cannot be recovered or matched. */
    public static String marker(String kind, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            sha.update(salt);
            sha.update((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return "erased:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
