package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.email.parse.AuthenticationResults;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.SessionStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides who answers a person's email, in this order: the {@link MailReplyHandler} owning the reply token
 * (found in our plus address in To/Delivered-To/X-Original-To, else via In-Reply-To/References to mail we sent);
 * an unsubscribe request; a request for one's data; a consultation named by its reference; otherwise the email
 * forms (a new mail starts or continues a flow, e.g. "forget me" or "visit"). A reply's time is when we received
 * it, never the sender's Date header, so a reply cannot be backdated into an open consultation.
 */
@Singleton
class ReplyRouter {
    private final Map<String, MailReplyHandler> handlers;
    private final BotAddress bot;
    private final SentMail sent;
    private final ReplyTrimmer trimmer;
    private final EmailForms forms;
    private final EmailMenu menu;
    private final EmailUnsubscribe unsubscribe;
    private final EmailMyData myData;
    private final ConsultationByReference consultations;
    private final SessionStore sessions;
    private final ContactService contacts;
    private final Participants participants;
    private final Clock clock;

    ReplyRouter(List<MailReplyHandler> handlers, BotAddress bot, SentMail sent, ReplyTrimmer trimmer,
                EmailForms forms, EmailMenu menu, EmailUnsubscribe unsubscribe, EmailMyData myData,
                ConsultationByReference consultations, SessionStore sessions, ContactService contacts,
                Participants participants, Clock clock) {
        this.handlers = handlers.stream().collect(Collectors.toMap(MailReplyHandler::tokenPrefix, Function.identity()));
        this.bot = bot;
        this.sent = sent;
        this.trimmer = trimmer;
        this.forms = forms;
        this.menu = menu;
        this.unsubscribe = unsubscribe;
        this.myData = myData;
        this.consultations = consultations;
        this.sessions = sessions;
        this.contacts = contacts;
        this.participants = participants;
        this.clock = clock;
    }

    List<OutboundMessage> route(Participant sender, ParsedMail mail, long inboxId) {
        Participant participant = withContactLanguage(sender);
        String trimmed = trimmer.trim(mail.textBody());
        MailReply reply = new MailReply(participant, mail.messageId(), mail.subject() == null ? "" : mail.subject(),
                trimmed, mail.textBody(), clock.instant(), inboxId, AuthenticationResults.of(mail).orElse(null));
        Optional<String> token = token(mail).filter(t -> handlers.containsKey(BotAddress.prefix(t)));
        if (token.isPresent()) {
            return handlers.get(BotAddress.prefix(token.get())).onReply(token.get(), reply);
        }
        if (menu.isUnsubscribe(mail.subject(), trimmed)) {
            return List.of(unsubscribe.handle(participant));
        }
        if (menu.isMyData(mail.subject(), trimmed)) {
            return myData.handle(participant);
        }
        boolean inForm = sessions.find(participant.id()).isPresent();
        return consultations.route(reply, inForm)
                .orElseGet(() -> forms.handle(participant, mail.subject(), mail.textBody(), trimmed));
    }

    /** True when an automatic message (not to be answered) still asks to unsubscribe, e.g. a client's mailto. */
    boolean isUnsubscribe(ParsedMail mail) {
        return menu.isUnsubscribe(mail.subject(), trimmer.trim(mail.textBody()));
    }

    /** An address with no language chosen yet takes its contact's language (both languages when neither is known). */
    private Participant withContactLanguage(Participant p) {
        if (p.language() != null) {
            return p;
        }
        Optional<Language> known = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()))
                .flatMap(c -> Language.parse(c.language()));
        known.ifPresent(l -> participants.setLanguage(p.id(), l));
        return known.map(l -> new Participant(p.id(), p.channel(), p.address(), l, p.displayName())).orElse(p);
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
