package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailRoute;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.SessionStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Decides who answers a person's email, as a short ordered list: the reply token's owner ({@link TokenRoute});
 * a word standing for a chat command ("unsubscribe", "my data": {@link EmailCommands}, my data through
 * {@link EmailMyData}'s proof of address); the features' {@link MailRoute}s in their order (e.g. a consultation
 * named by its reference); otherwise the email forms (a new mail starts or continues a flow, e.g. "forget me" or
 * "visit"). A reply's time is when we received it, never the sender's Date header, so a reply cannot be backdated
 * into an open consultation.
 */
@Singleton
class ReplyRouter {
    private final TokenRoute tokens;
    private final EmailMenu menu;
    private final EmailCommands commands;
    private final EmailMyData myData;
    private final List<MailRoute> routes;
    private final EmailForms forms;
    private final ReplyTrimmer trimmer;
    private final SenderLanguage languages;
    private final SessionStore sessions;
    private final Clock clock;
    private final TrustedVerdicts verdicts;

    ReplyRouter(TokenRoute tokens, EmailMenu menu, EmailCommands commands, EmailMyData myData, List<MailRoute> routes,
                EmailForms forms, ReplyTrimmer trimmer, SenderLanguage languages, SessionStore sessions, Clock clock,
                TrustedVerdicts verdicts) {
        this.verdicts = verdicts;
        this.tokens = tokens;
        this.menu = menu;
        this.commands = commands;
        this.myData = myData;
        this.routes = routes;
        this.forms = forms;
        this.trimmer = trimmer;
        this.languages = languages;
        this.sessions = sessions;
        this.clock = clock;
    }

    List<OutboundMessage> route(Participant sender, ParsedMail mail, long inboxId) {
        Participant participant = languages.of(sender);
        String trimmed = trimmer.trim(mail.textBody());
        MailReply reply = new MailReply(participant, mail.messageId(), mail.subject() == null ? "" : mail.subject(),
                trimmed, mail.textBody(), clock.instant(), inboxId, verdicts.of(mail).orElse(null), attachedFiles(mail));
        Optional<List<OutboundMessage>> answer = tokens.route(mail, reply).or(() -> command(participant, mail, trimmed));
        if (answer.isPresent()) {
            return answer.get();
        }
        boolean inForm = sessions.find(participant.id()).isPresent();
        for (MailRoute route : routes) {
            Optional<List<OutboundMessage>> claimed = route.route(reply, inForm);
            if (claimed.isPresent()) {
                return claimed.get();
            }
        }
        return forms.handle(participant, mail.subject(), mail.textBody(), trimmed);
    }

    private Optional<List<OutboundMessage>> command(Participant participant, ParsedMail mail, String trimmed) {
        return menu.command(mail.subject(), trimmed).map(c -> "mydata".equals(c) ? myData.handle(participant)
                : commands.run(c, participant));
    }

    private static List<String> attachedFiles(ParsedMail mail) {
        return mail.attachments().stream().filter(a -> !a.embedded())
                .map(a -> a.name() != null ? a.name() : a.contentType()).limit(20).toList();
    }

    /** True when an automatic message (not to be answered) still asks to unsubscribe, e.g. a client's mailto. */
    boolean isUnsubscribe(ParsedMail mail) {
        return menu.isUnsubscribe(mail.subject(), trimmer.trim(mail.textBody()));
    }
}
