package org.engagebot.conversation;

/**
 * Remembers the language a participant chose. Implementations join the caller's transaction, so the choice
 * is kept only if the inbound step commits.
 */
public interface ParticipantLanguages {

    void setLanguage(long participantId, Language language);
}
