package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.email.parse.AutoReplyDetector;
import org.engagebot.channel.email.parse.BounceClassifier;
import org.engagebot.channel.email.parse.BounceKind;
import org.engagebot.channel.email.parse.BounceVerdict;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Acts on one stored email with the inbound pipeline's steps (store happened in {@link EmailIntake}, with the flood
 * check): claim (mark processed) → identify → handle → outbox, as one write under the writer lock
 * ({@link Transactions}), so a crash mid-way leaves it RECEIVED for {@link EmailIntake#resume}. Mail from ourselves is ignored,
 * bounces and complaints are recorded, auto-replies are kept but never answered (an automatic unsubscribe request
 * is still honoured, silently); a person's mail is routed
 * to a reply handler (by token) or to the email forms, and the answers are queued within the daily quota.
 */
@Singleton
class EmailProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EmailProcessor.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Participants participants;
    private final BotAddress bot;
    private final BounceClassifier bounces;
    private final AutoReplyDetector autoReplies;
    private final BounceRecorder bounceRecorder;
    private final SentMail sent;
    private final ReplyRouter router;
    private final ReplyQuota quota;
    private final EmailCommands commands;
    private final Transactions transactions;

    EmailProcessor(Inbox inbox, Outbox outbox, Participants participants, BotAddress bot, BounceClassifier bounces,
                   AutoReplyDetector autoReplies, BounceRecorder bounceRecorder, SentMail sent, ReplyRouter router,
                   ReplyQuota quota, EmailCommands commands, Transactions transactions) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.participants = participants;
        this.bot = bot;
        this.bounces = bounces;
        this.autoReplies = autoReplies;
        this.bounceRecorder = bounceRecorder;
        this.sent = sent;
        this.router = router;
        this.quota = quota;
        this.commands = commands;
        this.transactions = transactions;
    }

    void process(long inboxId, ParsedMail mail) {
        try {
            transactions.run(() -> {
                if (inbox.claim(inboxId)) {
                    act(inboxId, mail);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Inbox {} (email) failed; left marked failed", inboxId, e);
            transactions.run(() -> inbox.markFailed(inboxId, e.getClass().getSimpleName()));
        }
        outbox.wake(EmailChannel.NAME);
        outbox.wake("telegram");
    }

    private void act(long inboxId, ParsedMail mail) {
        if (bot.isOurs(mail.from())) {
            return;
        }
        BounceVerdict verdict = bounces.classify(mail);
        if (verdict.isBounce() || verdict.kind() == BounceKind.COMPLAINT) {
            bounceRecorder.record(verdict, failedAddresses(verdict, mail), inboxId);
            return;
        }
        if (verdict.kind() == BounceKind.AUTO_REPLY || autoReplies.detect(mail).isAuto()) {
            if (router.isUnsubscribe(mail)) {
                commands.runSilently("unsubscribe", participants.find(EmailChannel.NAME, mail.from())
                        .orElseGet(() -> EmailCommands.unknown(mail.from(), null)));
            }
            return;
        }
        Participant participant = participants.identify(EmailChannel.NAME, mail.from(), mail.fromName());
        for (OutboundMessage reply : router.route(participant, mail, inboxId)) {
            if (!quota.take(mail.from())) {
                LOG.info("Inbox {}: daily reply limit reached for the sender; not answered", inboxId);
                return;
            }
            outbox.enqueueReply(EmailChannel.NAME, mail.from(), threaded(reply, mail));
        }
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
