package org.engagebot.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks staff credentials (HTTP Basic on the API, the console's sign-in form) on a blocking executor,
 * since password hashing is deliberately slow. A successful check is remembered for a few minutes (by a
 * digest, never the password) so API clients sending Basic on every call stay fast.
 */
@Singleton
class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private static final long REMEMBER_MILLIS = 5 * 60_000;
    private final StaffAccounts accounts;
    private final Map<String, Instant> recent = new ConcurrentHashMap<>();

    StaffAuthenticationProvider(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity();
        String password = auth.getSecret();
        String key = digest(username + "\u0000" + password);
        Instant remembered = recent.get(key);
        if (remembered != null && remembered.isAfter(Instant.now())) {
            return accounts.find(username).map(a -> success(a)).orElseGet(() -> {
                recent.remove(key);
                return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            });
        }
        StaffAccounts.Verdict verdict = accounts.verify(username, password);
        if (verdict instanceof StaffAccounts.Verdict.Accepted ok) {
            if (recent.size() > 1000) {
                recent.clear();
            }
            recent.put(key, Instant.now().plusMillis(REMEMBER_MILLIS));
            return success(ok.account());
        }
        if (verdict instanceof StaffAccounts.Verdict.Locked) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private static AuthenticationResponse success(StaffAccount a) {
        List<String> roles = a.role().equals(StaffAccount.ADMIN) ? List.of(StaffAccount.ADMIN, StaffAccount.STAFF)
                : List.of(StaffAccount.STAFF);
        return AuthenticationResponse.success(a.username(), roles);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
