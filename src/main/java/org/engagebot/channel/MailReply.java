package org.engagebot.channel;

import org.engagebot.conversation.Participant;

import java.time.Instant;

/**
 * A reply by email to something we sent. {@code trimmedText} is the new text only (quoted history and signature
 * removed), {@code fullText} the whole plain-text body; {@code participant} is the email participant of the sender.
 */
public record MailReply(Participant participant, String messageId, String subject, String trimmedText,
                        String fullText, Instant receivedAt, long inboxId) {
}
