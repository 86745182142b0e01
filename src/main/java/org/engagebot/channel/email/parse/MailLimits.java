package org.engagebot.channel.email.parse;

/**
 * Limits applied while parsing one message; a message over any of them is quarantined, not parsed.
 *
 * @param maxBytes  largest raw message accepted, in bytes
 * @param maxParts  most MIME body parts accepted, counted over all nesting levels
 * @param maxDepth  deepest nesting of multiparts and embedded messages accepted
 */
public record MailLimits(long maxBytes, int maxParts, int maxDepth) {

    public static final MailLimits DEFAULT = new MailLimits(25L * 1024 * 1024, 100, 10);

    public MailLimits {
        if (maxBytes <= 0 || maxParts <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
