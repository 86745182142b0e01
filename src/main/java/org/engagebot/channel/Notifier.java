package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Text;

import java.util.Locale;
import java.util.Optional;

/**
 * Tells someone something outside a conversation: on their channel, at their address, in their language (Welsh and
 * English together when the language is unknown). Queues an outbox row inside the caller's transaction; the caller
 * calls {@link #wake} with the channel after commit.
 */
@Singleton
public class Notifier {
    private final Outbox outbox;
    private final Participants participants;

    public Notifier(Outbox outbox, Participants participants) {
        this.outbox = outbox;
        this.participants = participants;
    }

    /** Where and how to reach someone; {@code language} null means Welsh and English together. */
    public record Recipient(String channel, String address, @Nullable Language language) {

        public static Recipient of(Participant p) {
            return new Recipient(p.channel(), p.address(), p.language());
        }

        /** A configured staff mailbox on channel "email", its address normalised as the email channel stores it. */
        public static Recipient staffEmail(String address, @Nullable Language language) {
            return new Recipient("email", address.strip().toLowerCase(Locale.ROOT), language);
        }

        /** The same address, written to in another language (e.g. the one an application was made in). */
        public Recipient inLanguage(@Nullable Language other) {
            return new Recipient(channel, address, other);
        }

        public boolean byEmail() {
            return "email".equals(channel);
        }
    }

    /** The participant with this id as a recipient in their chosen language; empty when there is none. */
    public Optional<Recipient> participant(@Nullable Long participantId) {
        return participantId == null ? Optional.empty() : participants.byId(participantId).map(Recipient::of);
    }

    /** A plain message in the recipient's language; {@code subject} (may be null) is used by email only. */
    public static OutboundMessage message(Recipient to, Text text, @Nullable Text subject) {
        OutboundMessage m = OutboundMessage.text(text.in(to.language()));
        return subject == null ? m : m.withSubject(subject.label(to.language()));
    }

    /** Queues {@link #message} ahead of any broadcast; answers the outbox row id. */
    public long reply(Recipient to, Text text, @Nullable Text subject, @Nullable String batchType,
                      @Nullable Long batchId) {
        return send(to, message(to, text, subject), Outbox.REPLY, batchType, batchId);
    }

    /** Queues a message already put in the recipient's language (e.g. with email HTML); answers the outbox row id. */
    public long send(Recipient to, OutboundMessage message, int priority, @Nullable String batchType,
                     @Nullable Long batchId) {
        return outbox.enqueue(to.channel(), to.address(), message, priority, batchType, batchId);
    }

    /** Wakes the channel's sender; call after the transaction that queued has committed. */
    public void wake(String channel) {
        outbox.wake(channel);
    }
}
