package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;

/** The Telegram Bots client, pointed at engagebot.telegram.api-url, with explicit timeouts. */
@Factory
@Requires(property = "engagebot.telegram.token")
@Requires(property = "engagebot.telegram.enabled", notEquals = "false")
class TelegramClientFactory {

    @Singleton
    TelegramClient telegramClient(TelegramSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        return new OkHttpTelegramClient(http, settings.token, settings.telegramUrl());
    }
}
