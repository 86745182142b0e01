package org.engagebot.channel.telegram;

import org.engagebot.channel.InboundMessage;
import org.engagebot.conversation.Input;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Optional;

/** Turns a Telegram update into the engine's neutral message; anything not from a chat is not a message. */
final class UpdateReader {
    static final String CHANNEL = "telegram";

    private UpdateReader() {
    }

    static Optional<InboundMessage> read(Update update, byte[] raw) {
        String id = Integer.toString(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            Long chatId = q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
            String data = q.getData() == null ? "" : q.getData();
            return Optional.of(new InboundMessage(CHANNEL, id, chatId.toString(), q.getFrom().getFirstName(),
                    new Input.Picked(data), raw));
        }
        if (update.hasMessage()) {
            Message m = update.getMessage();
            String name = m.getFrom() == null ? null : m.getFrom().getFirstName();
            return Optional.of(new InboundMessage(CHANNEL, id, m.getChatId().toString(), name, input(m), raw));
        }
        return Optional.empty();
    }

    private static Input input(Message m) {
        if (m.hasText()) {
            return Input.fromText(m.getText());
        }
        String kind = m.hasSticker() ? "sticker" : m.hasPhoto() ? "photo" : m.hasVoice() ? "voice"
                : m.hasDocument() ? "document" : m.hasVideo() ? "video" : m.hasLocation() ? "location"
                : m.hasContact() ? "contact" : m.hasAudio() ? "audio" : "other";
        return new Input.Unsupported(kind);
    }
}
