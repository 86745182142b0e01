package org.engagebot.testing.telegram;

/** One inline keyboard button as the bot sent it; {@code callbackData} and {@code url} may be null. */
public record Button(String text, String callbackData, String url) {
}
