package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;

/** engagebot.telegram.*: token (none = Telegram off), api-url, mode (polling | webhook), webhook-secret, bulk-rate. */
@Singleton
class TelegramSettings {
    final String token;
    final String apiUrl;
    final String mode;
    final String webhookSecret;
    final double bulkRate;

    TelegramSettings(@Nullable @Value("${engagebot.telegram.token:}") String token,
                     @Value("${engagebot.telegram.api-url:https://api.telegram.org}") String apiUrl,
                     @Value("${engagebot.telegram.mode:polling}") String mode,
                     @Nullable @Value("${engagebot.telegram.webhook-secret:}") String webhookSecret,
                     @Value("${engagebot.telegram.bulk-rate:29.9}") double bulkRate) {
        this.token = token;
        this.apiUrl = apiUrl;
        this.mode = mode;
        this.webhookSecret = webhookSecret;
        this.bulkRate = bulkRate;
    }

    TelegramUrl telegramUrl() {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(uri.getScheme()) ? 80 : 443);
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }
}
