package org.engagebot.platform;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work that must run on one instance at a time (the IMAP watcher, Telegram long polling, each channel's outbox
 * sender, the scheduled jobs) runs under a named lease: a row in table lease with a holder and an expiry on the
 * database's clock. The holder renews it every third of engagebot.lease.ttl (15 s); when an instance dies its
 * leases expire and another instance takes them over within ttl + ttl/3 (20 s). A clean stop deletes its rows, so
 * another instance takes over at its next renewal. On SQLite there is one process: every lease is held at once and
 * nothing is written.
 */
@Singleton
public class Leases {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final String NOW = "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)";
    private static final String TAKE = "INSERT INTO lease (name, holder, expires_at) VALUES (?, ?, " + NOW + " + ?) "
            + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
            + "WHERE lease.holder = excluded.holder OR lease.expires_at < " + NOW;

    private final Db db;
    private final Duration ttl;
    private final String holder;
    private final Map<String, Lead> leads = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leases");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;
    private volatile boolean closed;

    public Leases(Db db, @Value("${engagebot.lease.ttl:15s}") Duration ttl) {
        this.db = db;
        this.ttl = ttl;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What this instance writes as holder: pid@host and a random suffix (no two runs share one). */
    public String holder() {
        return holder;
    }

    private static final class Lead {
        final String name;
        final Runnable start;
        final Runnable stop;
        volatile boolean held;
        volatile long renewedAt;

        Lead(String name, Runnable start, Runnable stop) {
            this.name = name;
            this.start = start;
            this.stop = stop;
        }
    }

    /**
     * Runs {@code start} while this instance holds the lease {@code name} and {@code stop} when it loses it (another
     * took it over after a stall, or the database could not be reached for a whole ttl). On SQLite, start runs now.
     */
    public void lead(String name, Runnable start, Runnable stop) {
        if (!db.dialect().postgres()) {
            start.run();
            return;
        }
        Lead lead = new Lead(name, start, stop);
        if (leads.putIfAbsent(name, lead) != null) {
            throw new IllegalStateException("lease " + name + " is led twice");
        }
        renew(lead);
        startRenewing();
    }

    /** For work that runs now and then (a scheduled job): whether this instance holds {@code name} now. */
    public boolean holds(String name) {
        if (!db.dialect().postgres()) {
            return true;
        }
        Lead lead = leads.get(name);
        if (lead == null) {
            lead = leads.computeIfAbsent(name, n -> new Lead(n, () -> { }, () -> { }));
            renew(lead);
            startRenewing();
        }
        return lead.held;
    }

    private synchronized void startRenewing() {
        if (started || closed) {
            return;
        }
        started = true;
        long every = Math.max(100, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(() -> leads.values().forEach(this::renew), every, every, TimeUnit.MILLISECONDS);
    }

    private void renew(Lead lead) {
        if (closed) {
            return;
        }
        boolean held;
        try {
            held = db.update(TAKE, lead.name, holder, ttl.toMillis()) == 1;
            if (held) {
                lead.renewedAt = System.nanoTime();
            }
        } catch (RuntimeException e) {
            // the database is unreachable: keep working until the lease would have expired, then stand down
            held = lead.held && System.nanoTime() - lead.renewedAt < ttl.toNanos();
            LOG.warn("Lease {} could not be renewed ({}); {}", lead.name, e.getClass().getSimpleName(),
                    held ? "still within its ttl" : "standing down");
        }
        if (held && !lead.held) {
            lead.held = true;
            LOG.info("Lease {} taken by this instance ({})", lead.name, holder);
            run(lead.start, lead.name);
        } else if (!held && lead.held) {
            lead.held = false;
            LOG.warn("Lease {} lost by this instance; stopping its work", lead.name);
            run(lead.stop, lead.name);
        }
    }

    private static void run(Runnable work, String name) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Lease {}: starting or stopping its work failed", name, e);
        }
    }

    /** Gives the leases back, so another instance takes them at its next renewal instead of after the ttl. */
    @PreDestroy
    void close() {
        closed = true;
        renewer.shutdownNow();
        for (Lead lead : leads.values()) {
            if (lead.held) {
                try {
                    db.update("DELETE FROM lease WHERE name = ? AND holder = ?", lead.name, holder);
                } catch (RuntimeException e) {
                    LOG.debug("Lease {} not given back: {}", lead.name, e.getClass().getSimpleName());
                }
            }
        }
    }
}
