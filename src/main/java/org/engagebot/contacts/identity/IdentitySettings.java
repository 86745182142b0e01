package org.engagebot.contacts.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * engagebot.identity.*: how long a code (and its confirm link) works, how many codes an hour one address or one chat
 * may be sent (and a day one address, whoever asks: every web session is a new chat), how many wrong tries a code survives, how long an address stays blocked after its owner says "this
 * wasn't me", how long the record of each attempt (and its "wasn't me" link) is kept, and the HMAC secret (generated
 * once and kept in the database when not set).
 */
@ConfigurationProperties("engagebot.identity")
record IdentitySettings(@Bindable(defaultValue = "15m") Duration codeTtl,
                        @Bindable(defaultValue = "5") int sendsPerHour,
                        @Bindable(defaultValue = "5") int maxTries,
                        @Bindable(defaultValue = "7d") Duration blockAfterDenial,
                        @Bindable(defaultValue = "30d") Duration attemptRetention,
                        @Nullable String secret,
                        @Bindable(defaultValue = "10") int sendsPerDay) {
}
