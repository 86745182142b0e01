package org.engagebot.channel;

/**
 * A file sent with an email (an event's .ics, a meeting's papers). The bytes are stored once in
 * {@link OutboxAttachments} under {@code id} (their SHA-256), so a notice to many people queues small rows
 * and the email sender loads one file at a time while composing. Other channels ignore attachments.
 */
public record Attachment(String filename, String contentType, String id) {
}
