package org.engagebot.channel.telegram;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Webhook mode: Telegram posts updates here with X-Telegram-Bot-Api-Secret-Token. Without the configured
 * secret (required in this mode) every call is refused. Answers 200 only once the update is stored. A body
 * that is not an update ({}, null, [], not JSON) is answered 200 and ignored with a log line that quotes
 * nothing from it: Telegram retries anything else for a day, and a 4xx would not make the sender fix it.
 * Updates left unprocessed by the last stop are resumed at start-up by {@link TelegramWebhookResume}.
 */
@Controller("/telegram/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(beans = TelegramReceiver.class)
@Requires(property = "engagebot.telegram.mode", value = "webhook")
class TelegramWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramSettings settings;
    private final TelegramReceiver receiver;

    TelegramWebhookController(TelegramSettings settings, TelegramReceiver receiver) {
        this.settings = settings;
        this.receiver = receiver;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> update(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String secret,
                           @Nullable @Body byte[] body) {
        if (!authentic(secret)) {
            return HttpResponse.unauthorized();
        }
        UpdateReader.Parsed parsed = UpdateReader.parse(body);
        if (parsed.update() == null) {
            LOG.warn("Webhook body ignored ({} bytes): {}", body == null ? 0 : body.length, parsed.problem());
            return HttpResponse.ok();
        }
        receiver.receive(parsed.update());
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
