package org.engagebot.channel.email.parse;

/**
 * A non-text part seen while parsing; only its description is kept, never its content.
 *
 * @param name        file name as given by the sender (RFC 2047/2231 decoded), or null
 * @param contentType lower-case MIME type
 * @param size        decoded size in bytes
 * @param embedded    part of a multipart/related, i.e. shown inside the HTML (a signature's logo, a pasted
 *                    picture) rather than attached as a file
 */
public record Attachment(String name, String contentType, long size, boolean embedded) {

    /** A file the sender attached (not one embedded in the HTML). */
    public Attachment(String name, String contentType, long size) {
        this(name, contentType, size, false);
    }
}
