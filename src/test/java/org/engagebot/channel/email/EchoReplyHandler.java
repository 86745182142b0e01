package org.engagebot.channel.email;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test handler owning tokens "t-…": remembers each reply and answers "got TOKEN". */
@Singleton
@Requires(property = "test.echo-handler", value = "true")
class EchoReplyHandler implements MailReplyHandler {
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final List<MailReply> REPLIES = new CopyOnWriteArrayList<>();

    @Override
    public String tokenPrefix() {
        return "t";
    }

    @Override
    public List<OutboundMessage> onReply(String token, MailReply reply) {
        TOKENS.add(token);
        REPLIES.add(reply);
        return List.of(OutboundMessage.text("got " + token));
    }
}
