package org.engagebot.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

/**
 * Blanks the address and payload of goodbye messages sent after an erasure, once the channel has finished
 * with them (SENT or FAILED), so nothing addressed to an erased person is kept after delivery.
 */
@Singleton
class GoodbyeScrubber {
    private final Db db;

    GoodbyeScrubber(Db db) {
        this.db = db;
    }

    @Scheduled(fixedDelay = "${engagebot.privacy.scrub-interval:5m}", initialDelay = "${engagebot.privacy.scrub-interval:5m}")
    void scheduled() {
        scrub();
    }

    /** Returns how many outbox rows were blanked. */
    int scrub() {
        int blanked = db.update("UPDATE outbox SET address = 'erased', payload = '{\"text\":\"\"}' WHERE status IN ('SENT', 'FAILED') "
                + "AND id IN (SELECT outbox_id FROM privacy_scrub)");
        db.update("DELETE FROM privacy_scrub WHERE outbox_id NOT IN "
                + "(SELECT id FROM outbox WHERE status NOT IN ('SENT', 'FAILED'))");
        return blanked;
    }
}
