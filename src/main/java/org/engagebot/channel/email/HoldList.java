package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;

/**
 * Addresses we no longer mail (a hard bounce, repeated soft bounces, a spam complaint). Held in email_hold and,
 * for a contact with that address, contact.email_on_hold = 1 (what staff see).
 */
@Singleton
class HoldList {
    private final Db db;
    private final Clock clock;

    HoldList(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean isHeld(String address) {
        return db.count("SELECT count(*) FROM email_hold WHERE address = ?", address) > 0
                || db.count("SELECT count(*) FROM contact WHERE email = ? AND email_on_hold = 1", address) > 0;
    }

    /** Puts the address on hold; returns false when it already was. */
    boolean hold(String address, String reason) {
        int added = db.update("INSERT INTO email_hold (address, reason, at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING",
                address, reason, clock.instant());
        db.update("UPDATE contact SET email_on_hold = 1, updated_at = ? WHERE email = ?", clock.instant(), address);
        return added > 0;
    }
}
