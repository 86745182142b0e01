package org.engagebot.channel;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Reply;

import java.util.List;

/**
 * A channel's own step in {@link InboundPipeline}: what one stored, claimed message asks for. The pipeline writes the
 * rest once: per-sender order, claim (mark processed), identify, flood guard, the outbox, the apology when a step
 * fails. Chat-like channels use the conversation engine ({@link InboundPipeline#accept}); email records bounces,
 * ignores auto-replies and routes a person's mail to reply handlers, commands and forms.
 * <p>
 * {@link #fromPerson}, {@link #handle} and {@link #outgoing} run inside the message's write transaction, which may be
 * shared with other messages' and may run twice (once rolled back): they must touch nothing but the database.
 *
 * @param <M> what the adapter parsed the message into, beside its inbox entry (email: the parsed mail)
 * @param <R> what the handle step answers with
 */
public interface InboundHandler<M, R> {

    /**
     * Called first, before the sender is identified: false when the message is dealt with here and needs no
     * participant and no answer (email: our own mail, a bounce or complaint recorded, an auto-reply).
     */
    boolean fromPerson(Inbox.Entry entry, M message);

    /** Messages a minute from one sender past which the rest are quarantined (the first of them with a warning). */
    int floodPerMinute();

    /** The answers to the sender, in order. */
    List<R> handle(Inbox.Entry entry, M message, Participant sender);

    /** One answer as the outbox queues it; null when no more may be sent for this message (email's daily quota). */
    @Nullable
    OutboundMessage outgoing(Inbox.Entry entry, M message, R answer);

    /** What the sender reads when the message could not be processed (outside the failed transaction); null for nothing. */
    @Nullable
    Reply apology(@Nullable Language language);
}
