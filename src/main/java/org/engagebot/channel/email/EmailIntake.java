package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.email.parse.MailFingerprint;
import org.engagebot.channel.email.parse.BounceClassifier;
import org.engagebot.channel.email.parse.BounceKind;
import org.engagebot.channel.email.parse.BounceVerdict;
import org.engagebot.channel.email.parse.MailParser;
import org.engagebot.channel.email.parse.ParseOutcome;
import org.engagebot.channel.email.parse.ParsedMail;
import org.engagebot.channel.email.parse.ReplyTrimmer;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One email in: parse, store in the inbox (keyed by Message-ID, else the content hash), then process it through the
 * {@link InboundPipeline} with email's handle step ({@link EmailHandler}), in order per sender. Quarantined with a reason instead: malformed mail (kept whole), and mail over engagebot.mail.max-size
 * or over the flood limit (only its header block kept, with its size and SHA-256; the IMAP copy goes to the
 * Quarantine folder). When {@link #commit} returns every message is committed (stored, and processed or failed),
 * so the caller may mark it done on the server. A repeat (same sender, same content apart from
 * transit headers) is a no-op, so a message fetched twice is processed once; a reused Message-ID is kept
 * quarantined ({@link Inbox#store}). The From header's display name is never the sender's name: anyone can write
 * "Mayor of Cardiff" there, so a participant from email has no name and staff see the address
 * ({@link #NO_NAME_FROM_HEADER}).
 */
@Singleton
class EmailIntake {
    /** What an email participant is called: nothing, whatever the From header's display name says. */
    private static final String NO_NAME_FROM_HEADER = null;

    private final MailParser parser;
    private final ReplyTrimmer trimmer;
    private final Inbox inbox;
    private final InboundPipeline pipeline;
    private final EmailHandler handler;
    private final Outbox outbox;
    private final Transactions tx;
    private final MailFlood flood;
    private final BounceClassifier bounces;
    private final BotAddress bot;
    private final Clock clock;

    EmailIntake(MailParser parser, ReplyTrimmer trimmer, Inbox inbox, InboundPipeline pipeline, EmailHandler handler,
                Outbox outbox, Transactions tx, MailFlood flood, BounceClassifier bounces, BotAddress bot, Clock clock) {
        this.parser = parser;
        this.trimmer = trimmer;
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.handler = handler;
        this.outbox = outbox;
        this.tx = tx;
        this.flood = flood;
        this.bounces = bounces;
        this.bot = bot;
        this.clock = clock;
    }

    /**
     * A message parsed and trimmed, ready to store: {@code quarantine} is the reason when it will not be acted on,
     * and then {@code stored} may be only its header block.
     */
    record Prepared(byte[] stored, ParsedMail mail, String externalId, String quarantine, Input text) {
        boolean quarantined() {
            return quarantine != null;
        }
    }

    record Stored(Inbox.Entry entry, ParsedMail mail) {
    }

    void receive(byte[] raw) {
        receiveAll(List.of(raw));
    }

    void receiveAll(List<byte[]> raws) {
        List<Prepared> prepared = new ArrayList<>(raws.size());
        for (byte[] raw : raws) {
            prepared.add(prepare(captured(raw)));
        }
        commit(prepared);
    }

    /** Stores (commits) without processing; empty for a repeat or a quarantined message. */
    Optional<Stored> store(byte[] raw) {
        return write(prepare(captured(raw)));
    }

    /**
     * Stores the messages in one transaction (one commit for a run of IMAP messages), then processes each stored
     * one through the pipeline. When this returns every message is committed (processed, or marked failed).
     */
    void commit(List<Prepared> prepared) {
        List<Stored> stored = tx.write(() -> {
            List<Stored> out = new ArrayList<>(prepared.size());
            for (Prepared p : prepared) {
                write(p).ifPresent(out::add);
            }
            return out;
        });
        process(stored);
    }

    private void process(List<Stored> stored) {
        CompletableFuture<?>[] done = new CompletableFuture<?>[stored.size()];
        for (int i = 0; i < done.length; i++) {
            Stored s = stored.get(i);
            done[i] = pipeline.submit(s.entry(), NO_NAME_FROM_HEADER, s.mail(), handler);
        }
        CompletableFuture.allOf(done).join();
        if (done.length > 0) {
            outbox.wake("telegram");
        }
    }

    /** Parses and checks one message; counts it against its sender's flood limit. */
    Prepared prepare(CapturedMail captured) {
        if (captured instanceof CapturedMail.Oversize o) {
            String reason = MailParser.tooLargeReason(o.size(), parser.limits().maxBytes());
            return new Prepared(o.headers(), null, o.sha256(), withSizeAndHash(reason, o), null);
        }
        byte[] raw = ((CapturedMail.Whole) captured).raw();
        ParseOutcome outcome = parser.parse(raw);
        if (outcome instanceof ParseOutcome.Quarantined q) {
            return new Prepared(raw, null, captured.sha256(), q.reason(), null);
        }
        ParsedMail mail = ((ParseOutcome.Parsed) outcome).mail();
        if (mail.from() == null || mail.from().isBlank()) {
            return new Prepared(raw, null, mail.messageId(), "unparseable: no sender address", null);
        }
        Optional<String> flooded = floodCheck(mail);
        if (flooded.isPresent()) {
            return new Prepared(RawCapture.headerBlock(raw), null, mail.messageId(),
                    withSizeAndHash(flooded.get(), captured), null);
        }
        return new Prepared(raw, mail, mail.messageId(), null, new Input.Typed(trimmer.trim(mail.textBody())));
    }

    /**
     * Delivery reports and complaints are left out: they are never answered, and after a newsletter many come from
     * one MAILER-DAEMON, so limiting them would lose bounces and keep mailing dead addresses.
     */
    private Optional<String> floodCheck(ParsedMail mail) {
        if (bot.isOurs(mail.from())) {
            return Optional.empty();
        }
        BounceVerdict verdict = bounces.classify(mail);
        if (verdict.isBounce() || verdict.kind() == BounceKind.COMPLAINT) {
            return Optional.empty();
        }
        return flood.check(mail.from());
    }

    private static String withSizeAndHash(String reason, CapturedMail captured) {
        return reason + "; " + captured.size() + " bytes, " + captured.sha256()
                + "; kept: header block only, message in IMAP folder " + ImapWatcher.QUARANTINE;
    }

    private CapturedMail captured(byte[] raw) {
        return RawCapture.of(raw == null ? new byte[0] : raw, parser.limits().maxBytes());
    }

    private Optional<Stored> write(Prepared p) {
        if (p.quarantined()) {
            inbox.storeQuarantined(EmailChannel.NAME, p.externalId(), "-", p.stored(), p.quarantine());
            return Optional.empty();
        }
        ParsedMail mail = p.mail();
        InboundMessage message = new InboundMessage(EmailChannel.NAME, mail.messageId(), mail.from(), NO_NAME_FROM_HEADER,
                p.text(), p.stored());
        return inbox.store(message, Inbox.sha256(MailFingerprint.content(p.stored())))
                .map(id -> new Stored(Inbox.entry(id, message, clock.instant()), mail));
    }

    /** Processes what was stored but not processed before a crash or shutdown. */
    void resume() {
        List<Stored> pending = new ArrayList<>();
        for (long id : inbox.pending(EmailChannel.NAME)) {
            byte[] raw = inbox.raw(id).orElse(new byte[0]);
            ParseOutcome outcome = parser.parse(raw);
            Optional<Inbox.Entry> entry = inbox.find(id);
            if (outcome instanceof ParseOutcome.Parsed p && entry.isPresent()) {
                pending.add(new Stored(entry.get(), p.mail()));
            } else if (outcome instanceof ParseOutcome.Quarantined q) {
                inbox.quarantine(id, q.reason());
            }
        }
        process(pending);
    }
}
