package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.channel.InboundMessage;
import org.engagebot.conversation.Input;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Optional;

/**
 * Turns a Telegram update into the engine's neutral message; anything not from a private chat is not a message.
 * Never throws on what a sender controls: a body that is not an update, or an update without the chat or
 * sender the service needs, comes back as a problem or an empty message, for the caller to ignore or quarantine.
 */
final class UpdateReader {
    static final String CHANNEL = "telegram";
    /**
     * What a Telegram participant is called: nothing. A profile's first name is whatever its owner typed ("OPCC
     * Office", someone else's name), unverified like an email's display name, so staff see the chat id, or the
     * linked contact's name once the chat has proven an address.
     */
    private static final String NO_NAME_FROM_PROFILE = null;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private UpdateReader() {
    }

    /** A webhook body read as an update, or why it is not one (a reason that quotes nothing from the body). */
    record Parsed(Update update, String problem) {
    }

    static Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new Parsed(null, "empty body");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (Exception e) {
            return new Parsed(null, "not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed(null, "not a JSON object");
        }
        if (!tree.path("update_id").canConvertToInt()) {
            return new Parsed(null, "no numeric update_id");
        }
        try {
            return new Parsed(JSON.treeToValue(tree, Update.class), null);
        } catch (Exception e) {
            return new Parsed(null, "fields of the wrong type");
        }
    }

    static Optional<InboundMessage> read(Update update, byte[] raw) {
        String id = Integer.toString(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            Long chatId = q.getMessage() != null && q.getMessage().getChat() != null ? q.getMessage().getChatId()
                    : q.getFrom() != null ? q.getFrom().getId() : null;
            if (chatId == null || q.getMessage() != null && !privateChat(q.getMessage().getChat())) {
                return Optional.empty();
            }
            String data = q.getData() == null ? "" : q.getData();
            return Optional.of(new InboundMessage(CHANNEL, id, chatId.toString(), NO_NAME_FROM_PROFILE, new Input.Picked(data), raw));
        }
        if (update.hasMessage()) {
            Message m = update.getMessage();
            if (m.getChat() == null || m.getChat().getId() == null || !privateChat(m.getChat())) {
                return Optional.empty();
            }
            return Optional.of(new InboundMessage(CHANNEL, id, m.getChatId().toString(), NO_NAME_FROM_PROFILE, input(m), raw));
        }
        return Optional.empty();
    }

    /**
     * A group, supergroup or channel is many people behind one chat id, so it can never stand for one person: the
     * member who registered there would have her record shown to, and erasable by, everyone in it.
     */
    private static boolean privateChat(org.telegram.telegrambots.meta.api.objects.chat.Chat chat) {
        return chat == null || chat.getType() == null || "private".equals(chat.getType());
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
