package org.engagebot.channel;

import org.engagebot.conversation.Input;

/**
 * A message as a channel received it, before anything acts on it.
 *
 * @param externalId the channel's own id (Telegram update_id, email Message-ID): the dedupe key
 * @param address    who sent it on that channel (chat id, email address)
 * @param input      what the engine will read
 * @param raw        the original bytes, kept for audit (update JSON, RFC 5322 message); may be null
 */
public record InboundMessage(String channel, String externalId, String address, String displayName, Input input,
                             byte[] raw) {
}
