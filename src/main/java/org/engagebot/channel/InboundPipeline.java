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

/**
 * The inbound path, as named steps: store (dedupe) → identify → flood check → run one engine step →
 * write replies to the outbox → mark processed. Storing commits on its own first; the rest commits as
 * one transaction, so a crash mid-way leaves the message RECEIVED and it is processed again on restart. Both go
 * through {@link Transactions#grouped}: concurrent messages share a commit, and each returns only after it.
 * Messages from one sender are processed in order; different senders run concurrently. Chat-like channels (Telegram,
 * the terminal, the web's question pages): email has its own intake, which answers in both languages instead of
 * asking first.
 */
@Singleton
public class InboundPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Participants participants;
    private final ConversationEngine engine;
    private final Messages messages;
    private final Transactions transactions;
    private final Clock clock;
    private final int floodLimit;
    private final KeyedExecutor executor;
    private final FloodGuard flood = new FloodGuard(100_000);

    public InboundPipeline(Inbox inbox, Outbox outbox, Participants participants, ConversationEngine engine,
                           Messages messages, Transactions transactions, Clock clock,
                           @Value("${engagebot.inbound.flood-per-minute:30}") int floodLimit,
                           @Value("${engagebot.inbound.threads:4}") int threads) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.participants = participants;
        this.engine = engine;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.floodLimit = floodLimit;
        this.executor = new KeyedExecutor("inbound", threads);
    }

    /**
     * Stores the message and processes it asynchronously; a repeat (same external id) is ignored. The future completes
     * when the message (for a repeat: whatever that sender had queued) has been processed.
     */
    public CompletableFuture<Void> accept(InboundMessage message, String displayName) {
        Optional<Long> id = inbox.store(message);
        if (id.isEmpty()) {
            LOG.debug("Repeat of {} message {} ignored", message.channel(), message.externalId());
            return executor.submit(message.channel() + ":" + message.address(), () -> { });
        }
        Inbox.Entry entry = Inbox.entry(id.get(), message, clock.instant());
        return executor.submit(message.channel() + ":" + message.address(), () -> process(entry, displayName));
    }

    /** Processes a stored message on the sender's queue. */
    public CompletableFuture<Void> submit(long inboxId, String channel, String address, String displayName) {
        return executor.submit(channel + ":" + address, () -> process(inboxId, displayName));
    }

    /** Re-queues what was stored but not processed before a crash or shutdown. */
    public void resume(String channel) {
        for (long id : inbox.pending(channel)) {
            inbox.find(id).ifPresent(e -> submit(id, e.channel(), e.address(), null));
        }
    }

    /** Runs the whole step for one stored message, synchronously. */
    private void process(long inboxId, String displayName) {
        inbox.find(inboxId).filter(e -> e.status() == Inbox.Status.RECEIVED).ifPresent(e -> process(e, displayName));
    }

    private void process(Inbox.Entry entry, String displayName) {
        long recent = flood.record(entry.channel() + ":" + entry.address(), clock.millis());
        try {
            transactions.grouped(() -> {
                if (!inbox.claim(entry.id())) {
                    return null;
                }
                Participant participant = participants.identify(entry.channel(), entry.address(), displayName);
                List<Reply> replies = floodCheck(entry, participant, recent)
                        .orElseGet(() -> engine.handle(participant, entry.input(), true));
                replies.forEach(r -> outbox.enqueueReply(entry.channel(), entry.address(), r));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Inbox {} ({}) failed; the sender gets an apology", entry.id(), entry.channel(), e);
            apologise(entry, e);
        }
        outbox.wake(entry.channel());
    }

    private Optional<List<Reply>> floodCheck(Inbox.Entry entry, Participant participant, long recent) {
        if (recent <= floodLimit) {
            return Optional.empty();
        }
        inbox.quarantine(entry.id(), "flood: " + recent + " messages in a minute from one sender");
        if (recent == floodLimit + 1) {
            return Optional.of(List.of(Reply.text(messages.get("inbound.flood").in(participant.language()))));
        }
        return Optional.of(List.of());
    }

    private void apologise(Inbox.Entry entry, RuntimeException e) {
        try {
            transactions.run(() -> {
                inbox.markFailed(entry.id(), e.getClass().getSimpleName());
                var language = participants.find(entry.channel(), entry.address()).map(Participant::language).orElse(null);
                outbox.enqueueReply(entry.channel(), entry.address(),
                        Reply.text(messages.get("inbound.failed").in(language)));
            });
        } catch (RuntimeException again) {
            LOG.error("Inbox {} could not be marked failed", entry.id(), again);
        }
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
