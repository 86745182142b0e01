package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.email.parse.ParsedMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reply carrying one of our reply tokens goes to the {@link MailReplyHandler} owning its prefix. The token is
 * found in our plus address in To/Delivered-To/X-Original-To, else via In-Reply-To/References to mail we sent.
 */
@Singleton
class TokenRoute {
    private final Map<String, MailReplyHandler> handlers;
    private final BotAddress bot;
    private final SentMail sent;

    TokenRoute(List<MailReplyHandler> handlers, BotAddress bot, SentMail sent) {
        this.handlers = handlers.stream().collect(Collectors.toMap(MailReplyHandler::tokenPrefix, Function.identity()));
        this.bot = bot;
        this.sent = sent;
    }

    Optional<List<OutboundMessage>> route(ParsedMail mail, MailReply reply) {
        return token(mail).filter(t -> handlers.containsKey(BotAddress.prefix(t)))
                .map(t -> handlers.get(BotAddress.prefix(t)).onReply(t, reply));
    }

    private Optional<String> token(ParsedMail mail) {
        Optional<String> addressed = bot.tokenIn(mail);
        if (addressed.isPresent()) {
            return addressed;
        }
        List<String> refs = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            refs.add(mail.inReplyTo());
        }
        return sent.tokenFor(refs);
    }
}
