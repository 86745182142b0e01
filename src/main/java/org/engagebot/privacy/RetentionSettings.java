package org.engagebot.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * engagebot.retention.*: how long each kind of personal data is kept. {@code expiredSessions} counts from the
 * end of the session idle timeout; {@code closedCases} is passed to every {@link RetentionHook}.
 */
@ConfigurationProperties("engagebot.retention")
record RetentionSettings(@Bindable(defaultValue = "90d") Duration rawInbound,
                         @Bindable(defaultValue = "24h") Duration expiredSessions,
                         @Bindable(defaultValue = "730d") Duration closedCases,
                         @Bindable(defaultValue = "365d") Duration bouncedAddresses,
                         @Bindable(defaultValue = "180d") Duration outboxSent) {
}
