package org.engagebot.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
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
    private final List<SentRecords> records;

    GoodbyeScrubber(Db db, List<SentRecords> records) {
        this.db = db;
        this.records = records;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.privacy.scrub-interval:5m}", initialDelay = "${engagebot.privacy.scrub-interval:5m}")
    void scheduled() {
        scrub();
    }

    /** Returns how many outbox rows were blanked. */
    int scrub() {
        int blanked = db.update("UPDATE outbox SET address = 'erased', payload = '{\"text\":\"\"}' WHERE status IN ('SENT', 'FAILED') "
                + "AND id IN (SELECT outbox_id FROM privacy_scrub)");
        List<Long> delivered = db.query("SELECT s.outbox_id FROM privacy_scrub s JOIN outbox o ON o.id = s.outbox_id "
                + "WHERE o.status IN ('SENT', 'FAILED')", rs -> rs.getLong(1));
        records.forEach(r -> r.forgetAddresses(delivered));
        db.update("DELETE FROM privacy_scrub WHERE outbox_id NOT IN "
                + "(SELECT id FROM outbox WHERE status NOT IN ('SENT', 'FAILED'))");
        return blanked;
    }
}
