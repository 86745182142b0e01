package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.Map;

/** /health "telegram": UP when the Bot API answers getMe with our token. */
@Singleton
@Requires(beans = TelegramClient.class)
class TelegramHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final TelegramClient client;

    TelegramHealthIndicator(TelegramClient client) {
        this.client = client;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            var me = client.execute(new GetMe());
            healthStatus = HealthStatus.UP;
            return Map.of("bot", me.getUserName() == null ? "" : me.getUserName());
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", e.getClass().getSimpleName());
        }
    }

    @Override
    protected String getName() {
        return "telegram";
    }
}
