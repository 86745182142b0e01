package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.Erased;
import org.engagebot.platform.ErasureParticipant;

import java.util.List;
import java.util.Set;

/**
 * A person's stored messages lose what identifies them: outbox rows outside a broadcast are deleted, broadcast rows
 * (which a batch's counts need) and inbox rows keep only their status and times, the address becoming an
 * unlinkable marker; anything not yet sent is not sent. There can be thousands, so most go in chunks before the
 * erasure's transaction, which then takes what arrived meanwhile. Goodbyes are queued after this runs.
 */
@Singleton
class MessageErasure implements ErasureParticipant {
    private static final String BLANK_OUTBOX = "UPDATE outbox SET address = 'erased', payload = '{\"text\":\"\"}', "
            + "status = CASE WHEN status IN ('QUEUED', 'SENDING', 'HELD') THEN 'FAILED' ELSE status END, last_error = CASE "
            + "WHEN status IN ('QUEUED', 'SENDING', 'HELD') THEN 'erased' ELSE last_error END";
    private static final String MINE = "WHERE address = ? AND channel = ?";

    private final Db db;
    private final Chunks chunks;

    MessageErasure(Db db, Chunks chunks) {
        this.db = db;
        this.chunks = chunks;
    }

    @Override
    public int eraseInChunks(DataSubject subject) {
        int changed = 0;
        for (DataSubject.Address a : subject.addresses()) {
            changed += chunks.byId("SELECT id FROM outbox " + MINE + " AND batch_type IS NULL AND id > ? ORDER BY id LIMIT ?",
                    "DELETE FROM outbox " + MINE + " AND batch_type IS NULL AND id IN ({ids})", a.address(), a.channel());
            changed += chunks.byId("SELECT id FROM outbox " + MINE + " AND id > ? ORDER BY id LIMIT ?",
                    BLANK_OUTBOX + " " + MINE + " AND id IN ({ids})", a.address(), a.channel());
            changed += chunks.byId("SELECT id FROM inbox WHERE channel = ? AND address = ? AND id > ? ORDER BY id LIMIT ?",
                    List.of(a.channel(), a.address()), "UPDATE inbox SET body = NULL, raw = NULL, address = ? "
                            + "WHERE channel = ? AND address = ? AND id IN ({ids})",
                    Erased.marker(a.channel(), a.address()), a.channel(), a.address());
        }
        return changed;
    }

    @Override
    public void erase(DataSubject subject) {
        for (DataSubject.Address a : subject.addresses()) {
            db.update("DELETE FROM outbox WHERE channel = ? AND address = ? AND batch_type IS NULL", a.channel(), a.address());
            db.update(BLANK_OUTBOX + " WHERE channel = ? AND address = ?", a.channel(), a.address());
            db.update("UPDATE inbox SET body = NULL, raw = NULL, address = ? WHERE channel = ? AND address = ?",
                    Erased.marker(a.channel(), a.address()), a.channel(), a.address());
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("inbox", "outbox");
    }
}
