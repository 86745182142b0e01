package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Messages;

import java.util.List;
import java.util.Optional;

/**
 * Replies to a request for proof (tokens "k-…"). The token is honoured only from the address the request was sent
 * to (Discourse's rule): a forwarded or guessed token from anyone else changes nothing and gets a polite refusal.
 */
@Singleton
class ProofReplies implements MailReplyHandler {
    private final ProofStore store;
    private final ProofActions actions;
    private final Messages messages;

    ProofReplies(ProofStore store, ProofActions actions, Messages messages) {
        this.store = store;
        this.actions = actions;
        this.messages = messages;
    }

    @Override
    public String tokenPrefix() {
        return ProofStore.PREFIX;
    }

    @Override
    public List<OutboundMessage> onReply(String token, MailReply reply) {
        Optional<ProofStore.Pending> pending = store.find(token);
        if (pending.isEmpty()) {
            return List.of(say("proof.expired", reply));
        }
        if (!pending.get().address().equalsIgnoreCase(reply.participant().address())) {
            return List.of(say("proof.wrong-sender", reply));
        }
        return actions.onReply(token, pending.get(), reply);
    }

    private OutboundMessage say(String key, MailReply reply) {
        return OutboundMessage.text(FormText.both(messages.get(key), reply.participant().language()));
    }
}
