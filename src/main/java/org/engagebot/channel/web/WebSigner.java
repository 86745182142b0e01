package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** HMAC-SHA256 signatures for web forms and links, keyed by engagebot.web.secret or one made once and kept. */
@Singleton
class WebSigner {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    WebSigner(WebSettings settings, Db db, Transactions tx) {
        String configured = settings.secret;
        String secret = configured != null && !configured.isBlank() ? configured : tx.write(() -> {
            db.update("INSERT INTO web_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", random(32));
            return db.one("SELECT secret FROM web_secret WHERE id = 1", rs -> rs.getString(1)).orElseThrow();
        });
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** One keyed Mac per thread (doFinal resets it), rather than a provider lookup and keying on every signature. */
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

    String sign(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    boolean verify(String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
