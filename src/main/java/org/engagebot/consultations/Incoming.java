package org.engagebot.consultations;

import org.engagebot.channel.MailAuthentication;
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
 * @param proven    the sender has shown control of the address (a chat, or a reply token sent to the sender's own
 *                  address); only a proven response may amend an earlier one
 * @param flag      what staff should know about the sender (e.g. "replied to someone else's invitation"); may be null
 */
record Incoming(Participant participant, Invitee invitee, Language language, String text, Map<String, String> answers,
                Long inboxId, String messageId, Instant receivedAt, boolean proven, String flag,
                MailAuthentication authentication) {

    /** A response given in chat: the chat is the sender. */
    static Incoming chat(Participant participant, String text, Map<String, String> answers, Instant receivedAt) {
        return new Incoming(participant, null, null, text, answers, null, null, receivedAt, true, null, null);
    }
}
