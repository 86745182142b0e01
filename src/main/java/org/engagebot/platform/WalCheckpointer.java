package org.engagebot.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints the WAL on a thread of its own, PASSIVE (it never blocks a writer or a reader), instead of SQLite
 * doing it inside whichever commit crosses 1,000 pages: with wal_autocheckpoint=0 in the data-source properties,
 * no commit on the inbound path pays for copying pages into the database file and its two fsyncs. The WAL is also
 * synced at least once an interval (engagebot.db.checkpoint-interval, 1s), so with synchronous=NORMAL a power cut
 * loses at most about that much, where before a quiet service could go hours without a sync.
 * Under steady writes a lock-free pass never catches up with the end of the WAL (writers append while it copies), and
 * SQLite starts the WAL again from its beginning only after a pass that copied every frame: the WAL grew without end
 * (2 GB in a 40 s benchmark), every commit extended the file (block allocation in the kernel) and every read searched
 * an ever longer WAL index. So once the WAL is long, a lock-free pass is followed by a RESTART one under the writer
 * lock, which copies only what was appended meanwhile and waits a few milliseconds at most for readers still on the
 * WAL; the next writer then starts it again from its beginning.
 */
@Singleton
@Requires(property = "datasources.default.data-source-properties.wal_autocheckpoint", value = "0")
class WalCheckpointer {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    /** Longest wait for readers under the writer lock: readers on the inbound path take well under a millisecond. */
    private static final int READERS_MILLIS = 10;

    private final Db db;
    private final Duration interval;
    /**
     * WAL length (pages) past which the pass under the writer lock runs (engagebot.db.wal-restart-pages): it holds
     * writers for the copy of what was appended meanwhile and two fsyncs, which, run every second, showed in the p99
     * (30 → 42-72 ms under load); by default only now and then, bounding the WAL at about 64 MB.
     */
    private final int restartPages;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wal-checkpoint");
        t.setDaemon(true);
        return t;
    });

    WalCheckpointer(Db db, @Value("${engagebot.db.checkpoint-interval:1s}") Duration interval,
                    @Value("${engagebot.db.wal-restart-pages:16384}") int restartPages) {
        this.db = db;
        this.interval = interval;
        this.restartPages = restartPages;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (db.dialect().postgres()) {
            return; // PostgreSQL checkpoints by itself
        }
        thread.scheduleWithFixedDelay(this::checkpoint, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            if (db.checkpointPassive() > restartPages) {
                db.checkpointRestart(READERS_MILLIS);
            }
        } catch (RuntimeException e) {
            LOG.warn("WAL checkpoint failed; the next one retries", e);
        }
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }
}
