package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.contacts.SubscriptionListener;
import org.engagebot.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
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

    private final Db db;
    private final Outbox outbox;

    StopOnUnsubscribe(Db db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    private record Address(String channel, String address) {
    }

    @Override
    public void unsubscribed(long contactId) {
        List<Address> addresses = new ArrayList<>(db.query("SELECT p.channel, p.address FROM contact_channel cc "
                + "JOIN participant p ON p.id = cc.participant_id WHERE cc.contact_id = ?",
                rs -> new Address(rs.getString(1), rs.getString(2)), contactId));
        db.one("SELECT lower(trim(email)) FROM contact WHERE id = ? AND email IS NOT NULL", rs -> rs.getString(1), contactId)
                .ifPresent(email -> addresses.add(new Address("email", email)));
        int cancelled = addresses.stream().distinct()
                .mapToInt(a -> outbox.cancelUnclaimed(NewsletterEnqueuer.BATCH, a.channel(), a.address(), REASON)).sum();
        if (cancelled > 0) {
            LOG.info("Contact {} unsubscribed: {} queued newsletter messages cancelled", contactId, cancelled);
        }
    }
}
