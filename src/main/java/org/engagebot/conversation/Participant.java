package org.engagebot.conversation;

/**
 * Someone the bot talks to on one channel (a Telegram chat, an email address, a terminal).
 * {@code language} is null until they choose (or their first email tells us).
 */
public record Participant(long id, String channel, String address, Language language, String displayName) {

    public Participant withLanguage(Language newLanguage) {
        return new Participant(id, channel, address, newLanguage, displayName);
    }
}
