package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.email.parse.MailParser;
import org.engagebot.channel.email.parse.ParseOutcome;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.Input;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One raw email in: parse, store in the inbox (keyed by Message-ID, else the content hash; malformed or over
 * a limit → stored quarantined with the reason), then process in one transaction. When {@link #receive}
 * returns the message is committed (stored, and processed or failed), so the caller may mark it done on the
 * server. A repeat is a no-op, so a message fetched twice (crash before it was moved) is processed once.
 */
@Singleton
class EmailIntake {
    private final MailParser parser;
    private final ReplyTrimmer trimmer;
    private final Inbox inbox;
    private final EmailProcessor processor;

    EmailIntake(MailParser parser, ReplyTrimmer trimmer, Inbox inbox, EmailProcessor processor) {
        this.parser = parser;
        this.trimmer = trimmer;
        this.inbox = inbox;
        this.processor = processor;
    }

    void receive(byte[] raw) {
        store(raw).ifPresent(stored -> processor.process(stored.inboxId(), stored.mail()));
    }

    record Stored(long inboxId, ParsedMail mail) {
    }

    /** Stores (commits) without processing; empty for a repeat or a quarantined message. */
    Optional<Stored> store(byte[] raw) {
        ParseOutcome outcome = parser.parse(raw);
        if (outcome instanceof ParseOutcome.Quarantined q) {
            inbox.storeQuarantined(EmailChannel.NAME, hash(raw), "-", raw, q.reason());
            return Optional.empty();
        }
        ParsedMail mail = ((ParseOutcome.Parsed) outcome).mail();
        if (mail.from() == null || mail.from().isBlank()) {
            inbox.storeQuarantined(EmailChannel.NAME, mail.messageId(), "-", raw, "unparseable: no sender address");
            return Optional.empty();
        }
        Input text = new Input.Typed(trimmer.trim(mail.textBody()));
        return inbox.store(new InboundMessage(EmailChannel.NAME, mail.messageId(), mail.from(), mail.fromName(), text, raw))
                .map(id -> new Stored(id, mail));
    }

    /** Processes what was stored but not processed before a crash or shutdown. */
    void resume() {
        for (long id : inbox.pending(EmailChannel.NAME)) {
            byte[] raw = inbox.raw(id).orElse(new byte[0]);
            ParseOutcome outcome = parser.parse(raw);
            if (outcome instanceof ParseOutcome.Parsed p) {
                processor.process(id, p.mail());
            } else {
                inbox.quarantine(id, ((ParseOutcome.Quarantined) outcome).reason());
            }
        }
    }

    static String hash(byte[] raw) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw == null ? new byte[0] : raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
