package org.engagebot.channel.email.parse;

/** What an inbound message says about an earlier outbound one. */
public enum BounceKind {
    /** Ordinary mail, or a report that delivery succeeded. */
    NOT_BOUNCE,
    /** Delivery failed for good (unknown user or domain, refused): stop sending to the address. */
    HARD_BOUNCE,
    /** Delivery failed for now (mailbox full, delayed, expired, temporary error): keep the address. */
    SOFT_BOUNCE,
    /** An automatic reply (out of office, vacation): the address works; do not answer it. */
    AUTO_REPLY,
    /** The recipient reported the message as spam (ARF feedback report or provider notice). */
    COMPLAINT
}
