package org.engagebot.channel;

import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Reply;

import java.util.List;

/** The handle step of chat-like channels (Telegram, the terminal, the web's question pages): one engine step. */
final class EngineTurn implements InboundHandler<Void, Reply> {
    private final ConversationEngine engine;
    private final Messages messages;
    private final int floodPerMinute;

    EngineTurn(ConversationEngine engine, Messages messages, int floodPerMinute) {
        this.engine = engine;
        this.messages = messages;
        this.floodPerMinute = floodPerMinute;
    }

    @Override
    public boolean fromPerson(Inbox.Entry entry, Void message) {
        return true;
    }

    @Override
    public int floodPerMinute() {
        return floodPerMinute;
    }

    @Override
    public List<Reply> handle(Inbox.Entry entry, Void message, Participant sender) {
        return engine.handle(sender, entry.input(), true);
    }

    @Override
    public OutboundMessage outgoing(Inbox.Entry entry, Void message, Reply answer) {
        return OutboundMessage.of(answer);
    }

    @Override
    public Reply apology(Language language) {
        return Reply.text(messages.get("inbound.failed").in(language));
    }
}
