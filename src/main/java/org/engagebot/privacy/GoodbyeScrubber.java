package org.engagebot.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.OneInstance;

/**
 * Blanks the address and payload of goodbye messages sent after an erasure, once the channel has finished
 * with them (SENT or FAILED), so nothing addressed to an erased person is kept after delivery. A channel's
 * record of a sent message (any other table with outbox_id and address columns, e.g. email_sent) loses the
 * address too.
 */
@Singleton
class GoodbyeScrubber {
    private final Db db;
    private final Tables tables;

    GoodbyeScrubber(Db db, Tables tables) {
        this.db = db;
        this.tables = tables;
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
        for (String table : tables.names()) {
            if (!table.equals("privacy_scrub") && tables.hasColumn(table, "outbox_id") && tables.hasColumn(table, "address")) {
                db.update("UPDATE " + Tables.quote(table) + " SET address = 'erased' WHERE outbox_id IN (SELECT s.outbox_id "
                        + "FROM privacy_scrub s JOIN outbox o ON o.id = s.outbox_id WHERE o.status IN ('SENT', 'FAILED'))");
            }
        }
        db.update("DELETE FROM privacy_scrub WHERE outbox_id NOT IN "
                + "(SELECT id FROM outbox WHERE status NOT IN ('SENT', 'FAILED'))");
        return blanked;
    }
}
