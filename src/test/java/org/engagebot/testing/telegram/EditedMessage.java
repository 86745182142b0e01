package org.engagebot.testing.telegram;

import java.time.Instant;
import java.util.List;

/**
 * An {@code editMessageText} or {@code editMessageReplyMarkup} call the fake accepted.
 *
 * @param method         {@code editMessageText} or {@code editMessageReplyMarkup}
 * @param chatId         chat (0 for inline messages)
 * @param messageId      edited message id (0 for inline messages)
 * @param text           new text ({@code null} for editMessageReplyMarkup)
 * @param parseMode      parse mode or null
 * @param inlineKeyboard the new inline keyboard; empty when removed or absent
 * @param at             when the fake accepted it
 */
public record EditedMessage(String method, long chatId, int messageId, String text, String parseMode,
                            List<List<Button>> inlineKeyboard, Instant at) {
    public EditedMessage {
        inlineKeyboard = inlineKeyboard == null ? List.of() : inlineKeyboard.stream().map(List::copyOf).toList();
    }
}
