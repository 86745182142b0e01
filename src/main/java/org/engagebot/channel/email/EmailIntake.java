package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.email.parse.MailFingerprint;
import org.engagebot.channel.email.parse.MailParser;
import org.engagebot.channel.email.parse.ParseOutcome;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Transactions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One raw email in: parse, store in the inbox (keyed by Message-ID, else the content hash; malformed or over
 * a limit → stored quarantined with the reason), then process in one transaction. When {@link #receive}
 * returns the message is committed (stored, and processed or failed), so the caller may mark it done on the
 * server. A repeat (same sender, same content apart from transit headers) is a no-op, so a message fetched twice
 * (crash before it was moved) is processed once; a reused Message-ID is kept quarantined ({@link Inbox#store}).
 */
@Singleton
class EmailIntake {
    private final MailParser parser;
    private final ReplyTrimmer trimmer;
    private final Inbox inbox;
    private final EmailProcessor processor;
    private final Transactions tx;

    EmailIntake(MailParser parser, ReplyTrimmer trimmer, Inbox inbox, EmailProcessor processor, Transactions tx) {
        this.parser = parser;
        this.trimmer = trimmer;
        this.inbox = inbox;
        this.processor = processor;
        this.tx = tx;
    }

    void receive(byte[] raw) {
        receiveAll(List.of(raw));
    }

    /**
     * Parses and trims each message, stores them all in one transaction (one commit for a whole IMAP batch), then
     * processes each in its own. When this returns every message is committed, as with {@link #receive}.
     */
    void receiveAll(List<byte[]> raws) {
        List<Prepared> prepared = new ArrayList<>(raws.size());
        for (byte[] raw : raws) {
            prepared.add(prepare(raw));
        }
        List<Stored> stored = tx.write(() -> {
            List<Stored> out = new ArrayList<>(prepared.size());
            for (Prepared p : prepared) {
                write(p).ifPresent(out::add);
            }
            return out;
        });
        for (Stored s : stored) {
            processor.process(s.inboxId(), s.mail());
        }
    }

    record Stored(long inboxId, ParsedMail mail) {
    }

    /** A message parsed and trimmed, ready to store: {@code quarantine} is the reason when it will not be acted on. */
    private record Prepared(byte[] raw, ParsedMail mail, String externalId, String quarantine, Input text) {
    }

    /** Stores (commits) without processing; empty for a repeat or a quarantined message. */
    Optional<Stored> store(byte[] raw) {
        return write(prepare(raw));
    }

    private Prepared prepare(byte[] raw) {
        ParseOutcome outcome = parser.parse(raw);
        if (outcome instanceof ParseOutcome.Quarantined q) {
            return new Prepared(raw, null, hash(raw), q.reason(), null);
        }
        ParsedMail mail = ((ParseOutcome.Parsed) outcome).mail();
        if (mail.from() == null || mail.from().isBlank()) {
            return new Prepared(raw, null, mail.messageId(), "unparseable: no sender address", null);
        }
        return new Prepared(raw, mail, mail.messageId(), null, new Input.Typed(trimmer.trim(mail.textBody())));
    }

    private Optional<Stored> write(Prepared p) {
        if (p.quarantine() != null) {
            inbox.storeQuarantined(EmailChannel.NAME, p.externalId(), "-", p.raw(), p.quarantine());
            return Optional.empty();
        }
        ParsedMail mail = p.mail();
        return inbox.store(new InboundMessage(EmailChannel.NAME, mail.messageId(), mail.from(), mail.fromName(), p.text(), p.raw()),
                        Inbox.sha256(MailFingerprint.content(p.raw())))
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
