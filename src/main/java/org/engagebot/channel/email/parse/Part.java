package org.engagebot.channel.email.parse;

/**
 * A machine-readable part of a report (delivery status, feedback report, original headers).
 *
 * @param contentType lower-case MIME type, e.g. message/delivery-status
 * @param text        decoded text of the part (for an embedded message: its header block only)
 */
public record Part(String contentType, String text) {
}
