package org.engagebot.testing.telegram;

import java.time.Instant;
import java.util.List;

/**
 * A message the bot sent successfully through {@code sendMessage} to the {@link FakeBotApi}.
 *
 * @param chatId         target chat
 * @param text           message text as sent (no entity parsing)
 * @param parseMode      {@code parse_mode} or {@code null}
 * @param inlineKeyboard rows of the inline keyboard from {@code reply_markup}; empty when none
 * @param at             when the fake accepted the message
 */
public record SentMessage(long chatId, String text, String parseMode, List<List<Button>> inlineKeyboard, Instant at) {

    public SentMessage {
        inlineKeyboard = inlineKeyboard == null ? List.of() : inlineKeyboard.stream().map(List::copyOf).toList();
    }

    /** All buttons, row by row. */
    public List<Button> buttons() {
        return inlineKeyboard.stream().flatMap(List::stream).toList();
    }

    /** Callback data of all buttons (buttons without callback data are skipped). */
    public List<String> callbackData() {
        return buttons().stream().map(Button::callbackData).filter(d -> d != null).toList();
    }
}
