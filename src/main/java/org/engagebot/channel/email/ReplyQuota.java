package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** At most engagebot.mail.max-replies-per-day automatic replies to one address in any 24 hours (RFC 3834). */
@Singleton
class ReplyQuota {
    private final Db db;
    private final Clock clock;
    private final int perDay;

    ReplyQuota(Db db, Clock clock, MailSettings settings) {
        this.db = db;
        this.clock = clock;
        this.perDay = settings.maxRepliesPerDay;
    }

    /** Takes one reply from the address's allowance; false when it is used up. Runs in the caller's transaction. */
    boolean take(String address) {
        Instant now = clock.instant();
        long recent = db.count("SELECT count(*) FROM email_auto_reply WHERE address = ? AND at > ?", address,
                now.minus(Duration.ofDays(1)));
        if (recent >= perDay) {
            return false;
        }
        db.update("INSERT INTO email_auto_reply (address, at) VALUES (?, ?)", address, now);
        return true;
    }
}
