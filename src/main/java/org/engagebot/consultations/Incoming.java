package org.engagebot.consultations;

import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;

import java.time.Instant;
import java.util.Map;

/**
 * A response as a channel brought it, before it is stored.
 *
 * @param invitee   who was invited, when the channel could tell (reply token, or the same chat); may be null
 * @param language  the language it was written in, when known
 * @param inboxId   the stored inbound message (raw email kept there); may be null for chat
 * @param messageId the email's Message-ID; a repeat changes nothing
 */
record Incoming(Participant participant, Invitee invitee, Language language, String text, Map<String, String> answers,
                Long inboxId, String messageId, Instant receivedAt) {
}
