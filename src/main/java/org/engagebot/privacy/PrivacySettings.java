package org.engagebot.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * engagebot.privacy.*: how long a /mydata download link lives, who on staff hears about erasures, and the
 * wording version recorded when someone subscribes or unsubscribes by command.
 */
@ConfigurationProperties("engagebot.privacy")
record PrivacySettings(@Bindable(defaultValue = "24h") Duration exportLinkTtl,
                       @Nullable String staffEmail,
                       @Bindable(defaultValue = "2026-11") String newsletterConsentVersion) {
}
