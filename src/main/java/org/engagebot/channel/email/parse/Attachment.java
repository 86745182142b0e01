package org.engagebot.channel.email.parse;

/**
 * A non-text part seen while parsing; only its description is kept, never its content.
 *
 * @param name        file name as given by the sender (RFC 2047/2231 decoded), or null
 * @param contentType lower-case MIME type
 * @param size        decoded size in bytes
 */
public record Attachment(String name, String contentType, long size) {
}
