package org.engagebot.visits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.ZoneId;

/**
 * engagebot.visits.*: {@code staff-email} receives a summary of each new application (none: no email);
 * {@code yearly-target} is the number of visits a year the Commissioner aims for; {@code duplicate-window}
 * is how long an identical resubmission is answered with the earlier reference; {@code zone} is the
 * office's time zone for dates, times and years.
 */
@ConfigurationProperties("engagebot.visits")
record VisitsConfig(@Nullable String staffEmail,
                    @Bindable(defaultValue = "6") int yearlyTarget,
                    @Bindable(defaultValue = "24h") Duration duplicateWindow,
                    @Bindable(defaultValue = "Europe/London") ZoneId zone) {
}
