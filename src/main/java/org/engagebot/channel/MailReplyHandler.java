package org.engagebot.channel;

import java.util.List;

/**
 * A feature that claims email replies to mail it sent. A feature sets {@link OutboundMessage#replyToken()} to
 * {@code "<prefix>-<random>"} (prefix = lower-case letters, owned by exactly one handler); the email channel puts
 * the token in the Reply-To address ({@code local+TOKEN@domain}) and records the sent Message-ID. When a reply
 * comes back (by that address, or by In-Reply-To/References against a recorded Message-ID) the channel calls the
 * handler whose {@link #tokenPrefix()} matches the token's prefix.
 * <p>
 * A token is only a key for the address it was sent to (Discourse's rule): anyone the recipient forwards the mail
 * to can use it, and the From header proves nothing. A handler must compare the sender
 * ({@code reply.participant().address()}) with the address it issued the token to before letting the reply read,
 * change or act on that person's records.
 */
public interface MailReplyHandler {

    /** Token prefix this handler owns, letters only, e.g. {@code "c"} for consultations. */
    String tokenPrefix();

    /**
     * Called inside the inbound transaction (the raw mail is already stored in the inbox as {@code reply.inboxId()}).
     * Returns the messages to send back to the sender (may be empty); the channel enqueues them as email replies.
     * Auto-replies and bounces never reach a handler.
     */
    List<OutboundMessage> onReply(String token, MailReply reply);
}
