package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.Participant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides who answers a person's email: the {@link MailReplyHandler} owning the reply token (found in our plus
 * address in To/Delivered-To/X-Original-To, else via In-Reply-To/References to mail we sent), otherwise the
 * email forms (a new mail starts or continues a flow).
 */
@Singleton
class ReplyRouter {
    private final Map<String, MailReplyHandler> handlers;
    private final BotAddress bot;
    private final SentMail sent;
    private final ReplyTrimmer trimmer;
    private final EmailForms forms;
    private final Clock clock;

    ReplyRouter(List<MailReplyHandler> handlers, BotAddress bot, SentMail sent, ReplyTrimmer trimmer,
                EmailForms forms, Clock clock) {
        this.handlers = handlers.stream().collect(Collectors.toMap(MailReplyHandler::tokenPrefix, Function.identity()));
        this.bot = bot;
        this.sent = sent;
        this.trimmer = trimmer;
        this.forms = forms;
        this.clock = clock;
    }

    List<org.engagebot.channel.OutboundMessage> route(Participant participant, ParsedMail mail, long inboxId) {
        String trimmed = trimmer.trim(mail.textBody());
        Optional<String> token = token(mail).filter(t -> handlers.containsKey(BotAddress.prefix(t)));
        if (token.isPresent()) {
            MailReply reply = new MailReply(participant, mail.messageId(), mail.subject() == null ? "" : mail.subject(),
                    trimmed, mail.textBody(), mail.date() == null ? clock.instant() : mail.date(), inboxId);
            return handlers.get(BotAddress.prefix(token.get())).onReply(token.get(), reply);
        }
        return forms.handle(participant, mail, trimmed);
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
