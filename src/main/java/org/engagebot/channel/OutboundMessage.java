package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Reply;

import java.util.List;
import java.util.Map;

/**
 * What a feature or the engine asks a channel to deliver; stored as the outbox row's JSON payload. Each
 * sender uses what fits its channel and ignores the rest: Telegram sends {@code telegramHtml} (else the
 * escaped {@code text}) with {@code choices} as buttons; email sends {@code subject}, {@code text} and
 * {@code emailHtml} with {@code emailHeaders} (e.g. List-Unsubscribe), a Reply-To carrying
 * {@code replyToken}, and In-Reply-To/References from {@code inReplyTo}, and {@code attachments} (stored apart,
 * see {@link OutboxAttachments}). The web shows {@code problem} (why an answer was not taken, see
 * {@link org.engagebot.conversation.Reply#problem}) by the field.
 */
public record OutboundMessage(@Nullable String subject, String text, @Nullable String emailHtml,
                              @Nullable String telegramHtml, List<Choice> choices, Map<String, String> emailHeaders,
                              @Nullable String replyToken, @Nullable String inReplyTo,
                              List<Attachment> attachments, @Nullable String problem) {

    public OutboundMessage {
        choices = choices == null ? List.of() : List.copyOf(choices);
        emailHeaders = emailHeaders == null ? Map.of() : Map.copyOf(emailHeaders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments or a problem. */
    public OutboundMessage(@Nullable String subject, String text, @Nullable String emailHtml,
                           @Nullable String telegramHtml, List<Choice> choices, Map<String, String> emailHeaders,
                           @Nullable String replyToken, @Nullable String inReplyTo) {
        this(subject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo, List.of(), null);
    }

    /** A message with attachments. */
    public OutboundMessage(@Nullable String subject, String text, @Nullable String emailHtml,
                           @Nullable String telegramHtml, List<Choice> choices, Map<String, String> emailHeaders,
                           @Nullable String replyToken, @Nullable String inReplyTo, List<Attachment> attachments) {
        this(subject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo, attachments, null);
    }

    /** A message with a problem (why the last answer was not taken). */
    public OutboundMessage(@Nullable String subject, String text, @Nullable String emailHtml,
                           @Nullable String telegramHtml, List<Choice> choices, Map<String, String> emailHeaders,
                           @Nullable String replyToken, @Nullable String inReplyTo, @Nullable String problem) {
        this(subject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo, List.of(), problem);
    }

    public static OutboundMessage of(Reply reply) {
        return new OutboundMessage(null, reply.text(), null, null, reply.choices(), Map.of(), null, null, reply.problem());
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(null, text, null, null, List.of(), Map.of(), null, null);
    }

    public OutboundMessage withSubject(String newSubject) {
        return new OutboundMessage(newSubject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo,
                attachments, problem);
    }

    public OutboundMessage withText(String newText) {
        return new OutboundMessage(subject, newText, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo,
                attachments, problem);
    }

    public OutboundMessage withReplyToken(String token) {
        return new OutboundMessage(subject, text, emailHtml, telegramHtml, choices, emailHeaders, token, inReplyTo,
                attachments, problem);
    }

    public OutboundMessage inReplyTo(String messageId) {
        return new OutboundMessage(subject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, messageId,
                attachments, problem);
    }

    public OutboundMessage withAttachments(List<Attachment> files) {
        return new OutboundMessage(subject, text, emailHtml, telegramHtml, choices, emailHeaders, replyToken, inReplyTo,
                files, problem);
    }
}
