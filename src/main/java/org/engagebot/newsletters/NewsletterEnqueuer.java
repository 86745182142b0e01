package org.engagebot.newsletters;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxBatches;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an ENQUEUING newsletter's recipients into the outbox as held rows, one page of contacts per
 * transaction together with the newsletter's cursor, so a crash resumes after the last committed page with
 * nobody skipped or queued twice. Pages are small (engagebot.newsletters.page-size, 200 contacts: a few hundred
 * rows), so an inbound message waits for one page at most on the writer lock. When the audience is exhausted the
 * rows are released to the workers, in chunks too (a crash part-way releases the rest on the next run), and the
 * newsletter becomes SENDING. Not thread-safe per newsletter: {@link NewsletterScheduler} runs one at a time.
 */
@Singleton
class NewsletterEnqueuer {
    private static final Logger LOG = LoggerFactory.getLogger(NewsletterEnqueuer.class);
    static final String BATCH = "newsletter";

    private final NewsletterStore store;
    private final AudienceQuery audience;
    private final NewsletterRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final Outbox outbox;
    private final Transactions tx;
    private final OutboxBatches batches;
    private final Clock clock;
    private final int pageSize;

    NewsletterEnqueuer(NewsletterStore store, AudienceQuery audience, NewsletterRenderer renderer, UnsubscribeTokens tokens,
                       Outbox outbox, Transactions tx, OutboxBatches batches, Clock clock,
                       @Value("${engagebot.newsletters.page-size:200}") int pageSize) {
        this.store = store;
        this.audience = audience;
        this.renderer = renderer;
        this.tokens = tokens;
        this.outbox = outbox;
        this.tx = tx;
        this.batches = batches;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Enqueues pages until done or {@code keepGoing} turns false; returns true when the newsletter is SENDING. */
    boolean run(long id, java.util.function.BooleanSupplier keepGoing) {
        Optional<Newsletter> found = store.byId(id);
        if (found.isEmpty() || found.get().status() != Newsletter.Status.ENQUEUING) {
            return false;
        }
        Newsletter n = found.get();
        Map<Language, NewsletterRenderer.Template> templates = new HashMap<>();
        long cursor = n.cursor();
        long rows = 0;
        while (keepGoing.getAsBoolean()) {
            long after = cursor;
            AudienceBatch page;
            try {
                page = tx.write(() -> page(n, after, templates));
            } catch (Superseded e) {
                LOG.info("Newsletter {}: another instance is enqueuing it; this run stops", id);
                return false;
            }
            if (page.contacts() == 0) {
                batches.releaseHeldInChunks(BATCH, id);
                tx.run(() -> {
                    outbox.releaseBatch(BATCH, id);
                    store.markSending(id);
                });
                outbox.wake("email");
                outbox.wake("telegram");
                LOG.info("Newsletter {} queued: {} rows this run", id, rows);
                return true;
            }
            cursor = page.lastContactId();
            rows += page.recipients().size();
        }
        return false;
    }

    private AudienceBatch page(Newsletter n, long after, Map<Language, NewsletterRenderer.Template> templates) {
        AudienceBatch page = audience.next(n.audience(), after, pageSize);
        // the cursor moves first, as a compare-and-set: a second enqueuer (another instance that took the job's lease
        // while this one stalled) waits on the row, finds the cursor moved, and rolls its page back
        if (page.contacts() > 0 && !store.advance(n.id(), after, page.lastContactId(), page.onHold(), page.noChannel())) {
            throw new Superseded();
        }
        for (Recipient r : page.recipients()) {
            NewsletterRenderer.Template t = templates.computeIfAbsent(r.language() == null ? null : r.language(),
                    l -> renderer.template(n, l));
            OutboundMessage message = r.channel().equals("email") ? renderer.email(t, tokens.issue(r.contactId()))
                    : renderer.telegram(t);
            outbox.enqueueHeld(r.channel(), r.address(), message, BATCH, n.id());
        }
        return page;
    }

    /** Rolls a page back: the newsletter's cursor was moved by another enqueuer. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }
}
