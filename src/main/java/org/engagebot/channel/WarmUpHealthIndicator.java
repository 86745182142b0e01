package org.engagebot.channel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health "warm-up" (details for staff): "running" while {@link WarmUp} creates the engine and the flow actions after
 * the server started listening, then "ready". UP meanwhile: the flows were checked before the server listened, and
 * a message that comes in is stored and processed (it creates what it needs, or waits for the bean the warm-up is
 * creating). DOWN when the warm-up failed, since then no message can be processed.
 */
@Singleton
@Requires(beans = WarmUp.class)
class WarmUpHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final WarmUp warmUp;

    WarmUpHealthIndicator(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        WarmUp.State state = warmUp.state();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == WarmUp.State.FAILED) {
            info.put("error", warmUp.failure());
        }
        healthStatus = state == WarmUp.State.FAILED ? HealthStatus.DOWN : HealthStatus.UP;
        return info;
    }

    @Override
    protected String getName() {
        return "warm-up";
    }
}
