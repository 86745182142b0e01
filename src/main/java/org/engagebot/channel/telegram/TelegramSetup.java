package org.engagebot.channel.telegram;

import jakarta.inject.Singleton;
import org.engagebot.channel.ChannelSetup;

/** Telegram can send when a bot token is configured. */
@Singleton
class TelegramSetup implements ChannelSetup {
    private final TelegramSettings settings;

    TelegramSetup(TelegramSettings settings) {
        this.settings = settings;
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public boolean canSend() {
        return settings.token != null && !settings.token.isBlank();
    }
}
