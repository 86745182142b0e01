package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.InboundHandler;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.email.parse.AutoReplyDetector;
import org.engagebot.channel.email.parse.BounceClassifier;
import org.engagebot.channel.email.parse.BounceKind;
import org.engagebot.channel.email.parse.BounceVerdict;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Email's handle step in the {@link InboundPipeline} (which claims, identifies, queues the answers and marks the
 * mail failed when a step throws). Mail from ourselves is ignored, bounces and complaints are recorded, auto-replies
 * are kept but never answered (an automatic unsubscribe request is still honoured, silently); a person's mail is
 * routed by {@link ReplyRouter} (reply token, command word, a feature's route, else the email forms), and the answers
 * are threaded under the mail and queued within the sender's daily quota.
 */
@Singleton
class EmailHandler implements InboundHandler<ParsedMail, OutboundMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(EmailHandler.class);
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<([^<>\\s@]{1,200}@[^<>\\s@]{1,200})>");

    private final Participants participants;
    private final BotAddress bot;
    private final BounceClassifier bounces;
    private final AutoReplyDetector autoReplies;
    private final BounceRecorder bounceRecorder;
    private final SentMail sent;
    private final ReplyRouter router;
    private final ReplyQuota quota;
    private final EmailCommands commands;

    EmailHandler(Participants participants, BotAddress bot, BounceClassifier bounces, AutoReplyDetector autoReplies,
                 BounceRecorder bounceRecorder, SentMail sent, ReplyRouter router, ReplyQuota quota,
                 EmailCommands commands) {
        this.participants = participants;
        this.bot = bot;
        this.bounces = bounces;
        this.autoReplies = autoReplies;
        this.bounceRecorder = bounceRecorder;
        this.sent = sent;
        this.router = router;
        this.quota = quota;
        this.commands = commands;
    }

    @Override
    public boolean fromPerson(Inbox.Entry entry, ParsedMail mail) {
        if (bot.isOurs(mail.from())) {
            return false;
        }
        BounceVerdict verdict = bounces.classify(mail);
        if (verdict.isBounce() || verdict.kind() == BounceKind.COMPLAINT) {
            List<String> mentioned = mentionedIds(mail);
            bounceRecorder.record(verdict, failedAddresses(verdict, mail), entry.id(), address -> sent.sentTo(mentioned, address));
            return false;
        }
        if (verdict.kind() == BounceKind.AUTO_REPLY || autoReplies.detect(mail).isAuto()) {
            if (router.isUnsubscribe(mail)) {
                commands.runSilently("unsubscribe", participants.find(EmailChannel.NAME, mail.from())
                        .orElseGet(() -> EmailCommands.unknown(mail.from(), null)));
            }
            return false;
        }
        return true;
    }

    /** Email's flood limit is counted per hour before the mail is stored ({@link MailFlood}), so only headers are kept. */
    @Override
    public int floodPerMinute() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<OutboundMessage> handle(Inbox.Entry entry, ParsedMail mail, Participant sender) {
        return router.route(sender, mail, entry.id());
    }

    @Override
    public OutboundMessage outgoing(Inbox.Entry entry, ParsedMail mail, OutboundMessage answer) {
        if (!quota.take(mail.from())) {
            LOG.info("Inbox {}: daily reply limit reached for the sender; not answered", entry.id());
            return null;
        }
        return threaded(answer, mail);
    }

    /**
     * None: the mail stays marked failed for staff to see. Answering mail we could not act on risks answering a
     * bounce or an auto-reply, and a loop.
     */
    @Override
    public Reply apology(Language language) {
        return null;
    }

    private List<String> failedAddresses(BounceVerdict verdict, ParsedMail mail) {
        if (!verdict.recipients().isEmpty()) {
            return verdict.recipients();
        }
        List<String> refs = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            refs.add(mail.inReplyTo());
        }
        return sent.addressFor(refs).map(List::of).orElse(List.of());
    }

    /** Every Message-ID a report carries: its references and those in the returned headers or quoted text. */
    private static List<String> mentionedIds(ParsedMail mail) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(mail.references());
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        java.util.stream.Stream.concat(mail.reportParts().stream().map(p -> p.text()), java.util.stream.Stream.of(mail.textBody()))
                .filter(java.util.Objects::nonNull)
                .forEach(text -> MESSAGE_ID.matcher(text).results().limit(50).forEach(m -> ids.add(m.group(1))));
        return List.copyOf(ids);
    }

    private static OutboundMessage threaded(OutboundMessage reply, ParsedMail mail) {
        OutboundMessage m = reply;
        if (m.subject() == null) {
            String subject = mail.subject() == null || mail.subject().isBlank() ? null : mail.subject().strip();
            m = m.withSubject(subject == null ? null : subject.matches("(?i)^(re|ateb|aw|sv|antw):.*") ? subject : "Re: " + subject);
        }
        if (m.inReplyTo() == null && !mail.messageId().startsWith("sha256:")) {
            m = m.inReplyTo(mail.messageId());
        }
        return m;
    }
}
