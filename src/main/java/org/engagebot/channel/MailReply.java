package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Participant;

import java.time.Instant;
import java.util.List;

/**
 * A reply by email to something we sent. {@code trimmedText} is the new text only (quoted history and signature
 * removed), {@code fullText} the whole plain-text body; {@code participant} is the email participant of the sender,
 * which only says what the From header claimed. {@code authentication} is the receiving server's verdict, if it
 * wrote one: for staff to see, never proof of who sent it. {@code attachedFiles} names the files the sender attached
 * (their type when unnamed); only their names reach here, their content is not kept.
 */
public record MailReply(Participant participant, String messageId, String subject, String trimmedText,
                        String fullText, Instant receivedAt, long inboxId, @Nullable MailAuthentication authentication,
                        List<String> attachedFiles) {

    public MailReply {
        attachedFiles = attachedFiles == null ? List.of() : List.copyOf(attachedFiles);
    }

    public MailReply(Participant participant, String messageId, String subject, String trimmedText, String fullText,
                     Instant receivedAt, long inboxId, @Nullable MailAuthentication authentication) {
        this(participant, messageId, subject, trimmedText, fullText, receivedAt, inboxId, authentication, List.of());
    }

    public MailReply(Participant participant, String messageId, String subject, String trimmedText, String fullText,
                     Instant receivedAt, long inboxId) {
        this(participant, messageId, subject, trimmedText, fullText, receivedAt, inboxId, null);
    }
}
