package org.engagebot.channel;

/**
 * Whether an outbound channel is set up to send, as its adapter knows it (its own configuration: SMTP or the
 * embedded dev server for email, a bot token for Telegram). Staff pages ask before a send so they can warn that
 * messages would wait in the outbox. One bean per adapter that sends.
 */
public interface ChannelSetup {
    /** The channel's name as the outbox knows it ("email", "telegram"). */
    String channel();

    boolean canSend();
}
