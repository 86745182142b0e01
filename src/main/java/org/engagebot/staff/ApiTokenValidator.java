package org.engagebot.staff;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Accepts "Authorization: Bearer eb_…" API tokens as the staff account that issued them, looked up off the event
 * loop on every request: expiry, revocation, and the account's state are checked each time ({@link ApiTokens#resolve}).
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final ApiTokens tokens;
    private final StaffIdentity identity;
    private final ExecutorService blocking;

    ApiTokenValidator(ApiTokens tokens, StaffIdentity identity, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.identity = identity;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        CompletableFuture<Authentication> lookup = CompletableFuture.supplyAsync(() -> tokens.resolve(token)
                .map(h -> identity.of(h.account(), h.mfa(), Map.of())).orElse(null), blocking);
        return Publishers.fromCompletableFuture(lookup);
    }
}
