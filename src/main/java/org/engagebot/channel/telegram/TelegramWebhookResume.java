package org.engagebot.channel.telegram;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.engagebot.channel.InboundPipeline;

/**
 * Webhook mode: at start-up, processes Telegram updates stored but not processed before the last stop, without
 * waiting for Telegram's next call (the webhook controller is only created on its first request).
 */
@Singleton
@Requires(beans = TelegramReceiver.class)
@Requires(property = "engagebot.telegram.mode", value = "webhook")
class TelegramWebhookResume implements ApplicationEventListener<StartupEvent> {
    private final InboundPipeline pipeline;

    TelegramWebhookResume(InboundPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        pipeline.resume(UpdateReader.CHANNEL);
    }
}
