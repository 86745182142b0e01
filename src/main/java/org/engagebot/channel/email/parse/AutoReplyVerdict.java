package org.engagebot.channel.email.parse;

/**
 * Whether a message was sent by a machine rather than typed by a person.
 *
 * @param isAuto true for auto-replies, mailing-list traffic and system senders
 * @param reason the first signal found (e.g. "Auto-Submitted: auto-replied"), or "" when not automatic
 */
public record AutoReplyVerdict(boolean isAuto, String reason) {

    public static final AutoReplyVerdict HUMAN = new AutoReplyVerdict(false, "");

    static AutoReplyVerdict auto(String reason) {
        return new AutoReplyVerdict(true, reason);
    }
}
