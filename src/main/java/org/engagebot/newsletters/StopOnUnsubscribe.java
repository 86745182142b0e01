package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.contacts.SubscriptionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * When a contact unsubscribes while newsletters are still being sent, their rows no worker has claimed yet (on
 * every channel: their email address and each linked chat) end as failed with reason {@value #REASON}, so they get
 * nothing more and the newsletter's counts still add up. Runs in the unsubscribing transaction.
 */
@Singleton
class StopOnUnsubscribe implements SubscriptionListener {
    static final String REASON = "unsubscribed";
    private static final Logger LOG = LoggerFactory.getLogger(StopOnUnsubscribe.class);

    private final Outbox outbox;

    StopOnUnsubscribe(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void unsubscribed(long contactId, List<Address> addresses) {
        int cancelled = addresses.stream().distinct()
                .mapToInt(a -> outbox.cancelUnclaimed(NewsletterEnqueuer.BATCH, a.channel(), a.address(), REASON)).sum();
        if (cancelled > 0) {
            LOG.info("Contact {} unsubscribed: {} queued newsletter messages cancelled", contactId, cancelled);
        }
    }
}
