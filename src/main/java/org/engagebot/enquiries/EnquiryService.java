package org.engagebot.enquiries;

import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Messages to the office, for staff: list them, reply (on the sender's channel, in the language they wrote in,
 * through the outbox) and close them. Every reply and close is audited.
 */
@Singleton
public class EnquiryService {
    private static final int LIST_LIMIT = 500;

    private final EnquiryStore store;
    private final Notifier notifier;
    private final Messages messages;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    EnquiryService(EnquiryStore store, Notifier notifier, Messages messages, Transactions transactions, AuditLog audit,
                   Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.messages = messages;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What happened to a reply. */
    public sealed interface Replied {
        record Sent(Enquiry enquiry) implements Replied {
        }

        record NotFound() implements Replied {
        }

        /** The sender can no longer be reached (they asked to be forgotten). */
        record Unreachable() implements Replied {
        }
    }

    /** Newest first; {@code status} null for all, else open, replied or closed. */
    public List<Enquiry> list(String status) {
        return store.list(status, LIST_LIMIT);
    }

    public Optional<Enquiry> find(long id) {
        return store.byId(id);
    }

    /** Sends {@code text} (a staff member's words, in one language or both) back to the sender and records it. */
    public Replied reply(long id, Text text, String staff) {
        Sent sent = transactions.write(() -> {
            Optional<Enquiry> enquiry = store.byId(id);
            if (enquiry.isEmpty()) {
                return new Sent(new Replied.NotFound(), null);
            }
            Optional<Notifier.Recipient> to = notifier.participant(enquiry.get().sender().participantId());
            if (to.isEmpty()) {
                return new Sent(new Replied.Unreachable(), null);
            }
            Language language = Language.parse(enquiry.get().language()).orElse(to.get().language());
            Notifier.Recipient recipient = to.get().inLanguage(language);
            String words = text.in(language);
            notifier.reply(recipient, messages.get("enquiries.reply", id, words, words),
                    messages.get("enquiries.reply.subject", id), "enquiry", id);
            store.reply(id, staff, words, clock.instant());
            audit.record(staff, "enquiry.reply", "enquiry:" + id, "sent on " + recipient.channel());
            return new Sent(new Replied.Sent(store.byId(id).orElseThrow()), recipient.channel());
        });
        if (sent.channel() != null) {
            notifier.wake(sent.channel());
        }
        return sent.result();
    }

    /** Gives the enquiry to a staff member to deal with ({@code staff} null: to nobody); false when there is none. */
    public boolean assign(long id, String staff, String by) {
        return transactions.write(() -> {
            boolean done = store.assign(id, staff == null || staff.isBlank() ? null : staff.strip(), clock.instant());
            if (done) {
                audit.record(by, "enquiry.assign", "enquiry:" + id, staff == null || staff.isBlank() ? "nobody" : staff.strip());
            }
            return done;
        });
    }

    /** Closes an enquiry; false when there is none (or it was already closed). */
    public boolean close(long id, String staff) {
        return transactions.write(() -> {
            boolean closed = store.close(id, clock.instant());
            if (closed) {
                audit.record(staff, "enquiry.close", "enquiry:" + id, null);
            }
            return closed;
        });
    }

    private record Sent(Replied result, String channel) {
    }
}
