package org.engagebot.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.MessageRetention;
import org.engagebot.channel.SentRecords;
import org.engagebot.platform.Db;
import org.engagebot.platform.OneInstance;

import java.util.List;

/**
 * Blanks the address and payload of goodbye messages sent after an erasure, once the channel has finished
 * with them (SENT or FAILED), so nothing addressed to an erased person is kept after delivery. A channel's own
 * record of a sent message ({@link SentRecords}, e.g. email's Message-IDs) loses the address too.
 */
@Singleton
class GoodbyeScrubber {
    private final Db db;
    private final MessageRetention messages;
    private final List<SentRecords> records;

    GoodbyeScrubber(Db db, MessageRetention messages, List<SentRecords> records) {
        this.db = db;
        this.messages = messages;
        this.records = records;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.privacy.scrub-interval:5m}", initialDelay = "${engagebot.privacy.scrub-interval:5m}")
    void scheduled() {
        scrub();
    }

    /** Returns how many outbox rows were blanked. */
    int scrub() {
        List<Long> watched = db.query("SELECT outbox_id FROM privacy_scrub", rs -> rs.getLong(1));
        if (watched.isEmpty()) {
            return 0;
        }
        MessageRetention.Scrubbed done = messages.scrubFinished(watched);
        records.forEach(r -> r.forgetAddresses(done.finished()));
        for (long id : done.settled()) {
            db.update("DELETE FROM privacy_scrub WHERE outbox_id = ?", id);
        }
        return done.blanked();
    }
}
