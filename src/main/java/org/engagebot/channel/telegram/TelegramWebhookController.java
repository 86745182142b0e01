package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Webhook mode: Telegram posts updates here with X-Telegram-Bot-Api-Secret-Token. Without the configured
 * secret (required in this mode) every call is refused. Answers 200 only once the update is stored. Updates left
 * unprocessed by the last stop are resumed at start-up by {@link TelegramWebhookResume}.
 */
@Controller("/telegram/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(beans = TelegramReceiver.class)
@Requires(property = "engagebot.telegram.mode", value = "webhook")
class TelegramWebhookController {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TelegramSettings settings;
    private final TelegramReceiver receiver;

    TelegramWebhookController(TelegramSettings settings, TelegramReceiver receiver) {
        this.settings = settings;
        this.receiver = receiver;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> update(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String secret, @Body byte[] body) {
        if (!authentic(secret)) {
            return HttpResponse.unauthorized();
        }
        Update update;
        try {
            update = JSON.readValue(body, Update.class);
        } catch (Exception e) {
            return HttpResponse.badRequest("not a Telegram update");
        }
        receiver.receive(update);
        return HttpResponse.ok();
    }

    private boolean authentic(String secret) {
        String expected = settings.webhookSecret;
        if (expected == null || expected.isBlank() || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
