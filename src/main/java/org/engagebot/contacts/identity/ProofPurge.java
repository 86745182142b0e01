package org.engagebot.contacts.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import org.engagebot.platform.OneInstance;

/** Deletes the record of attempts older than engagebot.identity.attempt-retention, and blocks that have ended. */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class ProofPurge {
    private final ProofStore store;
    private final IdentitySettings settings;
    private final Clock clock;

    ProofPurge(ProofStore store, IdentitySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @OneInstance
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void scheduled() {
        purge();
    }

    int purge() {
        return store.purge(clock.instant().minus(settings.attemptRetention()), clock.instant());
    }
}
