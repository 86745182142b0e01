package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.email.parse.BounceKind;
import org.engagebot.channel.email.parse.BounceVerdict;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records bounce and complaint reports per failed address. A hard bounce or a complaint puts the address on
 * hold at once; soft bounces do when {@value #SOFT_LIMIT} arrive within 30 days. When an address goes on hold
 * and its contact also talks to us on Telegram (asked of {@link ContactService#chatsOf}), a message there asks for a
 * new address. A bounce also marks the
 * latest message sent to the address as bounced, so staff see it undelivered. Runs in the caller's transaction.
 * Anyone can write a delivery report naming any address, so all of this happens only for an address the report
 * proves we mailed (it carries the Message-ID of a mail we sent there: real reports return the original's headers);
 * any other report is recorded (unproven) and changes nothing.
 */
@Singleton
class BounceRecorder {
    static final int SOFT_LIMIT = 3;
    /** How far back a bounce may be about: servers give up retrying within a few days. */
    static final Duration BOUNCE_LOOKBACK = Duration.ofDays(7);
    private static final String TELEGRAM = "telegram";
    private static final Logger LOG = LoggerFactory.getLogger(BounceRecorder.class);

    private final Db db;
    private final Clock clock;
    private final HoldList holds;
    private final Outbox outbox;
    private final Messages messages;
    private final ContactService contacts;

    BounceRecorder(Db db, Clock clock, HoldList holds, Outbox outbox, Messages messages, ContactService contacts) {
        this.contacts = contacts;
        this.db = db;
        this.clock = clock;
        this.holds = holds;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Returns true when any address went on hold (so the caller wakes the Telegram outbox). */
    boolean record(BounceVerdict verdict, List<String> recipients, long inboxId, Predicate<String> proven) {
        Instant now = clock.instant();
        boolean held = false;
        for (String address : recipients) {
            boolean ours = proven.test(address);
            db.update("INSERT INTO email_bounce (address, kind, code, inbox_id, at, proven) VALUES (?, ?, ?, ?, ?, ?)",
                    address, verdict.kind().name(), verdict.status(), inboxId, now, ours ? 1 : 0);
            if (!ours) {
                LOG.info("Report in inbox {} names an address without the Message-ID of a mail we sent it; not acted on", inboxId);
                continue;
            }
            if (verdict.isBounce()) {
                outbox.markBounced(EmailChannel.NAME, address, now.minus(BOUNCE_LOOKBACK), verdict.kind() == BounceKind.HARD_BOUNCE
                        ? "hard bounce" + code(verdict) : "soft bounce" + code(verdict));
            }
            String reason = holdReason(verdict, address, now);
            if (reason != null && holds.hold(address, reason)) {
                askOnTelegram(address);
                held = true;
            }
        }
        return held;
    }

    private static String code(BounceVerdict verdict) {
        return verdict.status() == null ? "" : " " + verdict.status();
    }

    private String holdReason(BounceVerdict verdict, String address, Instant now) {
        String code = code(verdict);
        if (verdict.kind() == BounceKind.HARD_BOUNCE) {
            return "hard bounce" + code;
        }
        if (verdict.kind() == BounceKind.COMPLAINT) {
            return "spam complaint";
        }
        long soft = db.count("SELECT count(*) FROM email_bounce WHERE address = ? AND kind = ? AND at > ? AND proven = 1", address,
                BounceKind.SOFT_BOUNCE.name(), now.minus(Duration.ofDays(30)));
        return soft >= SOFT_LIMIT ? soft + " soft bounces in 30 days" + code : null;
    }

    private void askOnTelegram(String address) {
        for (ContactService.LinkedChat chat : contacts.chatsOf(address, TELEGRAM)) {
            Language language = Language.parse(chat.language()).orElse(null);
            String text = messages.get("email.bounced.telegram", address).in(language);
            outbox.enqueueReply(TELEGRAM, chat.address(), OutboundMessage.text(text));
        }
    }
}
