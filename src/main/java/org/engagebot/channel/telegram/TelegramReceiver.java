package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.InboundPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.nio.charset.StandardCharsets;

/**
 * Where updates arrive, from long polling or the webhook. Each is stored (deduplicated by update_id)
 * before this returns, so the poller confirms, or the webhook answers 200, only for what is safely kept.
 * Processing then runs on the pipeline's per-chat queue: concurrent across chats, in order within one. A group's
 * message is quarantined and the group told, once a day, to talk in private ({@link GroupChatNotice}).
 */
@Singleton
@Requires(beans = TelegramClient.class)
class TelegramReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboundPipeline pipeline;
    private final Inbox inbox;
    private final TelegramClient client;
    private final GroupChatNotice groups;

    TelegramReceiver(InboundPipeline pipeline, Inbox inbox, TelegramClient client, GroupChatNotice groups) {
        this.pipeline = pipeline;
        this.inbox = inbox;
        this.client = client;
        this.groups = groups;
    }

    void receive(Update update) {
        byte[] raw = raw(update);
        var message = UpdateReader.read(update, raw);
        if (message.isEmpty()) {
            LOG.info("Telegram update {} quarantined: not a chat message or button", update.getUpdateId());
            inbox.storeQuarantined(UpdateReader.CHANNEL, Integer.toString(update.getUpdateId()), "-", raw,
                    "not a chat message or button: nothing to act on");
            groups.consider(update);
            return;
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getId() != null) {
            acknowledge(update.getCallbackQuery().getId());
        }
        pipeline.accept(message.get(), message.get().displayName());
    }

    /** Stops the button's spinner; a failure here is harmless (Telegram times it out). */
    private void acknowledge(String callbackId) {
        try {
            client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build());
        } catch (TelegramApiException e) {
            LOG.debug("answerCallbackQuery failed: {}", e.getClass().getSimpleName());
        }
    }

    private static byte[] raw(Update update) {
        try {
            return JSON.writeValueAsString(update).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return null;
        }
    }
}
