package org.engagebot.staff;

import org.engagebot.platform.AuditLog;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic for the staff API, checked on every request (no credentials cache: a reset, lock or deactivation
 * holds on the very next call) on a blocking executor, since password hashing is deliberately slow. An account
 * with two-factor cannot use Basic alone: its one Basic call is {@code POST /api/tokens} with an {@code X-TOTP}
 * code, which mints a bearer token. Every refusal is the same 401, whatever the reason.
 */
@Singleton
class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    static final String TOTP_HEADER = "X-TOTP";
    private final PasswordSignIn signIn;
    private final TwoFactor twoFactor;
    private final StaffIdentity identity;
    private final ClientAddress addresses;
    private final AuditLog audit;

    StaffAuthenticationProvider(PasswordSignIn signIn, TwoFactor twoFactor, StaffIdentity identity, ClientAddress addresses,
                                AuditLog audit) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.identity = identity;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        Optional<StaffAccount> account = signIn.check(auth.getIdentity(), auth.getSecret(), addresses.of(request), "api");
        if (account.isEmpty()) {
            return refused();
        }
        StaffAccount a = account.get();
        if (!a.totpEnabled()) {
            return success(identity.of(a, false, Map.of()));
        }
        String code = request.getHeaders().get(TOTP_HEADER);
        boolean minting = request.getMethod() == HttpMethod.POST && request.getPath().equals("/api/tokens");
        if (minting && code != null && twoFactor.verify(a, code, "api")) {
            return success(identity.of(a, true, Map.of()));
        }
        if (!minting || code == null) {
            audit.record(a.username(), "staff.basic-refused", "api", "two-factor account: Basic alone is not accepted");
        }
        return refused();
    }

    private static AuthenticationResponse success(Authentication who) {
        return AuthenticationResponse.success(who.getName(), who.getRoles(), who.getAttributes());
    }

    private static AuthenticationResponse refused() {
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
