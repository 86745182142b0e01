package org.engagebot.channel;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Reply;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The inbound path of every channel, as named steps: store (dedupe) → identify → flood check → the channel's handle
 * step ({@link InboundHandler}: one engine step for chat-like channels, bounce/auto-reply/route for email) → write
 * answers to the outbox → mark processed. Storing commits on its own first; the rest commits as one transaction, so a
 * crash mid-way leaves the message RECEIVED and it is processed again on restart. Both go through
 * {@link Transactions#grouped}: concurrent messages share a commit, and each returns only after it. A failure marks
 * the message failed and queues the handler's apology. Messages from one sender are processed in order; different
 * senders run concurrently. Instances sharing a PostgreSQL database keep that order between them too
 * ({@link SenderTurns}): a message waits while another instance works on its sender, and earlier messages stored
 * by another instance are processed first.
 */
@Singleton
public class InboundPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Participants participants;
    private final Messages messages;
    private final Transactions transactions;
    private final Clock clock;
    private final EngineTurn chat;
    private final KeyedExecutor executor;
    private final FloodGuard flood = new FloodGuard(100_000);
    private final SenderTurns turns;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inbound-retry");
        t.setDaemon(true);
        return t;
    });

    public InboundPipeline(Inbox inbox, Outbox outbox, Participants participants, ConversationEngine engine,
                           Messages messages, Transactions transactions, Clock clock, SenderTurns turns,
                           @Value("${engagebot.inbound.flood-per-minute:30}") int floodLimit,
                           @Value("${engagebot.inbound.threads:4}") int threads) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.participants = participants;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.turns = turns;
        this.chat = new EngineTurn(engine, messages, floodLimit);
        this.executor = new KeyedExecutor("inbound", threads);
    }

    /**
     * Stores a chat-like channel's message and runs an engine step on it asynchronously; a repeat (same external id) is ignored. The future completes
     * when the message (for a repeat: whatever that sender had queued) has been processed.
     */
    public CompletableFuture<Void> accept(InboundMessage message, String displayName) {
        Optional<Long> id = inbox.store(message);
        if (id.isEmpty()) {
            LOG.debug("Repeat of {} message {} ignored", message.channel(), message.externalId());
            return executor.submit(message.channel() + ":" + message.address(), () -> { });
        }
        Inbox.Entry entry = Inbox.entry(id.get(), message, clock.instant());
        return queue(entry, displayName, null, chat);
    }

    /**
     * Processes a message the channel stored itself with the channel's own handle step, on the sender's queue. The
     * future completes when it has been processed (or marked failed).
     */
    public <M, R> CompletableFuture<Void> submit(Inbox.Entry entry, String displayName, M message,
                                                 InboundHandler<M, R> handler) {
        return queue(entry, displayName, message, handler);
    }

    /**
     * Runs the step on the sender's queue; the future completes when the message has been processed or marked failed,
     * also when the sender's turn was busy on another instance and the step had to wait for it (the caller, e.g. the
     * IMAP watcher, then moves the mail as done), and exceptionally only if the service stops first (the message
     * stays stored and RECEIVED, and is resumed on the next start).
     */
    private <M, R> CompletableFuture<Void> queue(Inbox.Entry entry, String displayName, M message,
                                                 InboundHandler<M, R> handler) {
        String sender = entry.channel() + ":" + entry.address();
        if (transactions.serialised()) {
            // SQLite: the step joins a group commit without a thread of its own waiting on it (no sender's turn can
            // be busy: one process)
            return executor.chain(sender, () -> processLater(entry, displayName, message, handler));
        }
        return queue(sender, () -> process(entry, displayName, message, handler));
    }

    /** {@code attempt} on the sender's queue until it is not busy (true: busy, try again 25 ms later). */
    private CompletableFuture<Void> queue(String sender, BooleanSupplier attempt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        turn(sender, attempt, done);
        return done;
    }

    private void turn(String sender, BooleanSupplier attempt, CompletableFuture<Void> done) {
        executor.submit(sender, () -> {
            if (!attempt.getAsBoolean()) {
                done.complete(null);
                return;
            }
            try {
                retry.schedule(() -> turn(sender, attempt, done), 25, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                done.completeExceptionally(stopping);
            }
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            }
        });
    }

    /** Processes a stored chat message on the sender's queue. */
    public CompletableFuture<Void> submit(long inboxId, String channel, String address, String displayName) {
        return queue(channel + ":" + address, () -> process(inboxId, displayName));
    }

    /** Re-queues a chat-like channel's messages stored but not processed before a crash or shutdown. */
    public void resume(String channel) {
        for (long id : inbox.pending(channel)) {
            inbox.find(id).ifPresent(e -> submit(id, e.channel(), e.address(), null));
        }
    }

    /** Runs the whole step for one stored chat message, synchronously. */
    private boolean process(long inboxId, String displayName) {
        return inbox.find(inboxId).filter(e -> e.status() == Inbox.Status.RECEIVED)
                .map(e -> process(e, displayName, null, chat)).orElse(false);
    }

    /**
     * SQLite: {@link #process} as a group commit's work that no thread waits on ({@link Transactions#groupedLater});
     * the future completes once the message has been processed (committed) or marked failed.
     */
    private <M, R> CompletableFuture<Void> processLater(Inbox.Entry entry, String displayName, M message,
                                                        InboundHandler<M, R> handler) {
        long recent = flood.record(entry.channel() + ":" + entry.address(), clock.millis());
        return transactions.groupedLater(() -> turn(entry, displayName, message, handler, recent)).handle((busy, failure) -> {
            if (failure == null) {
                outbox.wake(entry.channel());
                return null;
            }
            RuntimeException e = failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            LOG.error("Inbox {} ({}) failed; marked failed", entry.id(), entry.channel(), e);
            fail(entry, e, handler);
            return null;
        });
    }

    /** The transaction's work for one message: true when the sender's turn is busy on another instance. */
    private <M, R> boolean turn(Inbox.Entry entry, String displayName, M message, InboundHandler<M, R> handler, long recent) {
        SenderTurns.Turn turn = turns.take(entry.channel(), entry.address(), entry.id(), handler == chat,
                participants.lookup(entry.channel(), entry.address()));
        if (turn.busy()) {
            return true;
        }
        // another instance stored earlier messages from this sender: they go first, in the order stored
        for (long earlier : turn.earlier()) {
            inbox.find(earlier).ifPresent(e -> step(e, null, null, chat, recent, null, null));
        }
        // the participant read with the turn is this message's only if no earlier step came between
        step(entry, displayName, message, handler, recent, turn.claimed(), turn.earlier().isEmpty() ? turn.sender() : null);
        return false;
    }

    /** One try; true when the sender's turn is busy on another instance, so nothing was done and it must be tried again. */
    private <M, R> boolean process(Inbox.Entry entry, String displayName, M message, InboundHandler<M, R> handler) {
        long recent = flood.record(entry.channel() + ":" + entry.address(), clock.millis());
        boolean busy = false;
        try {
            busy = transactions.grouped(() -> turn(entry, displayName, message, handler, recent));
        } catch (RuntimeException e) {
            LOG.error("Inbox {} ({}) failed; marked failed", entry.id(), entry.channel(), e);
            fail(entry, e, handler);
        }
        if (busy) {
            return true;
        }
        outbox.wake(entry.channel());
        return false;
    }

    /**
     * {@code claimed}: whether the sender's turn claimed it already (PostgreSQL), null when it is claimed here;
     * {@code sender}: the participant read with the turn (PostgreSQL), null when it is read here.
     */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    private <M, R> void step(Inbox.Entry entry, String displayName, M message, InboundHandler<M, R> handler, long recent,
                             Boolean claimed, Optional<Participants.Seen> sender) {
        if (!(claimed == null ? inbox.claim(entry.id()) : claimed) || !handler.fromPerson(entry, message)) {
            return;
        }
        Participant participant = participants.identify(entry.channel(), entry.address(), displayName, sender);
        if (!flooded(entry, participant, recent, handler.floodPerMinute())) {
            for (R answer : handler.handle(entry, message, participant)) {
                OutboundMessage out = handler.outgoing(entry, message, answer);
                if (out == null) {
                    break;
                }
                outbox.queueReply(entry.channel(), entry.address(), out);
            }
        }
    }

    /** Past the limit the message is quarantined; the first one past it is answered with a warning. */
    private boolean flooded(Inbox.Entry entry, Participant participant, long recent, int limit) {
        if (recent <= limit) {
            return false;
        }
        inbox.quarantine(entry.id(), "flood: " + recent + " messages in a minute from one sender");
        if (recent == limit + 1L) {
            outbox.enqueueReply(entry.channel(), entry.address(),
                    Reply.text(messages.get("inbound.flood").in(participant.language())));
        }
        return true;
    }

    private void fail(Inbox.Entry entry, RuntimeException e, InboundHandler<?, ?> handler) {
        try {
            transactions.run(() -> {
                inbox.markFailed(entry.id(), e.getClass().getSimpleName());
                var language = participants.find(entry.channel(), entry.address()).map(Participant::language).orElse(null);
                Reply apology = handler.apology(language);
                if (apology != null) {
                    outbox.enqueueReply(entry.channel(), entry.address(), apology);
                }
            });
        } catch (RuntimeException again) {
            LOG.error("Inbox {} could not be marked failed", entry.id(), again);
        }
    }

    @PreDestroy
    void close() {
        retry.shutdownNow();
        executor.close();
    }
}
