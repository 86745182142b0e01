package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.engagebot.channel.WorkerHeartbeat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * /health "telegram": UP when the Bot API answers getMe with our token and, in polling mode, the poller runs and
 * began a poll recently ({@link TelegramPoller#heartbeat()}). Details: the bot's public user name and states only.
 */
@Singleton
@Requires(beans = TelegramClient.class)
class TelegramHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final TelegramClient client;
    private final Optional<TelegramPoller> poller;

    TelegramHealthIndicator(TelegramClient client, Optional<TelegramPoller> poller) {
        this.client = client;
        this.poller = poller;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> info = new LinkedHashMap<>();
        boolean up;
        try {
            var me = client.execute(new GetMe());
            info.put("bot", me.getUserName() == null ? "" : me.getUserName());
            up = true;
        } catch (Exception e) {
            info.put("error", e.getClass().getSimpleName());
            up = false;
        }
        if (poller.isPresent()) {
            WorkerHeartbeat.State state = poller.get().heartbeat().state();
            info.put("poller", state.describe());
            up &= state.healthy();
        }
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return info;
    }

    @Override
    protected String getName() {
        return "telegram";
    }
}
