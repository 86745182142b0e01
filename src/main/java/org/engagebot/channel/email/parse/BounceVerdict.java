package org.engagebot.channel.email.parse;

import java.util.List;

/**
 * The classification of one message.
 *
 * @param kind       what the message is
 * @param recipients addresses that failed (or complained), lower-case; empty when not found
 * @param status     enhanced status code (e.g. "5.1.1") or basic SMTP code (e.g. "550"), or null
 * @param diagnostic the server's explanation or the reason for the verdict, or null
 */
public record BounceVerdict(BounceKind kind, List<String> recipients, String status, String diagnostic) {

    public static final BounceVerdict NOT_BOUNCE = new BounceVerdict(BounceKind.NOT_BOUNCE, List.of(), null, null);

    public BounceVerdict {
        recipients = List.copyOf(recipients);
    }

    public boolean isBounce() {
        return kind == BounceKind.HARD_BOUNCE || kind == BounceKind.SOFT_BOUNCE;
    }
}
