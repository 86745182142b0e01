package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;

import java.time.Clock;

/**
 * Addresses we no longer mail (a hard bounce, repeated soft bounces, a spam complaint). Held in email_hold and,
 * for a contact with that address, on hold in contacts ({@link ContactService#markUndeliverable}: what staff see). {@link #isHeld} answers from a
 * snapshot of both read at most {@link #REFRESH_MILLIS} ago (and updated at once by {@link #hold}), so a bulk
 * send costs no database read per message; a hold set elsewhere is seen within that time.
 */
@Singleton
class HoldList {
    static final long REFRESH_MILLIS = 1000;

    private final Db db;
    private final Clock clock;
    private final ContactService contacts;
    private volatile java.util.Set<String> snapshot = java.util.Set.of();
    private final java.util.Set<String> heldHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long readAt;
    private volatile boolean stale = true;

    HoldList(Db db, Clock clock, ContactService contacts) {
        this.db = db;
        this.clock = clock;
        this.contacts = contacts;
    }

    boolean isHeld(String address) {
        return heldHere.contains(address) || held().contains(address);
    }

    private java.util.Set<String> held() {
        long now = System.nanoTime() / 1_000_000;
        if (stale || now - readAt > REFRESH_MILLIS) {
            synchronized (this) {
                if (stale || now - readAt > REFRESH_MILLIS) {
                    java.util.Set<String> fresh = new java.util.HashSet<>(db.query("SELECT address FROM email_hold",
                            rs -> rs.getString(1)));
                    fresh.addAll(contacts.undeliverableEmails());
                    snapshot = fresh;
                    readAt = now;
                    stale = false;
                }
            }
        }
        return snapshot;
    }

    /** Puts the address on hold; returns false when it already was. */
    boolean hold(String address, String reason) {
        int added = db.update("INSERT INTO email_hold (address, reason, at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING",
                address, reason, clock.instant());
        contacts.markUndeliverable(address);
        heldHere.add(address);
        return added > 0;
    }
}
