package org.engagebot.staff;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Failure counters that are claimed before a secret is checked. Every attempt first reserves one failure on each
 * of its counters in one write transaction (all or none); a counter at its limit is locked until its window ends,
 * and an attempt that cannot reserve is refused without looking at the secret. So however many guesses arrive at
 * once, at most {@code limit} of them per window are ever checked. An attempt that turns out right gives its
 * reservation back ({@link #succeeded}). Windows are fixed: a counter starts again {@code window} after its first
 * failure, or when its lock ends.
 */
@Singleton
class SignInThrottle {
    /** Now and then a reservation also deletes counters untouched for a day, so a flood of names cannot grow the table. */
    private static final int CLEAN_ONE_IN = 200;
    private static final java.util.Random RANDOM = new java.util.Random();
    private final Db db;
    private final Transactions tx;
    private final Clock clock;
    private final StaffKeys keys;

    SignInThrottle(Db db, Transactions tx, Clock clock, StaffKeys keys) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.keys = keys;
    }

    /** One counter: what it counts (kept only as a keyed hash), how many failures a window allows, how long. */
    record Counter(String name, int limit, Duration window) {
    }

    /** What a reservation did: whether the attempt may be checked, and which counters this attempt just locked. */
    record Reservation(boolean granted, List<Counter> lockedNow) {
    }

    private record Row(int failures, Instant windowStart, Instant lockedUntil) {
    }

    Reservation reserve(List<Counter> counters) {
        return tx.write(() -> {
            Instant now = clock.instant();
            if (RANDOM.nextInt(CLEAN_ONE_IN) == 0) {
                db.update("DELETE FROM sign_in_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)",
                        now.minus(Duration.ofDays(1)), now);
            }
            List<Row> rows = new ArrayList<>();
            for (Counter c : counters) {
                Row row = current(c, now);
                if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                    return new Reservation(false, List.of());
                }
                rows.add(row);
            }
            List<Counter> locked = new ArrayList<>();
            for (int i = 0; i < counters.size(); i++) {
                Counter c = counters.get(i);
                int failures = rows.get(i).failures() + 1;
                Instant lockedUntil = failures >= c.limit() ? now.plus(c.window()) : null;
                if (lockedUntil != null) {
                    locked.add(c);
                }
                save(c, failures, rows.get(i).windowStart(), lockedUntil);
            }
            return new Reservation(true, locked);
        });
    }

    /** The attempt was right: give back its reservation; counters in {@code reset} start again from zero. */
    void succeeded(List<Counter> counters, List<Counter> reset) {
        tx.run(() -> {
            for (Counter c : counters) {
                String key = key(c);
                if (reset.contains(c)) {
                    db.update("DELETE FROM sign_in_throttle WHERE key = ?", key);
                } else {
                    db.update("UPDATE sign_in_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, locked_until = CASE WHEN "
                            + "failures - 1 < ? THEN NULL ELSE locked_until END WHERE key = ?", c.limit(), key);
                }
            }
        });
    }

    /** Whether a counter is locked now (for the staff page: an account locked by failures from many addresses). */
    Optional<Instant> lockedUntil(Counter c) {
        Row row = current(c, clock.instant());
        return Optional.ofNullable(row.lockedUntil()).filter(u -> u.isAfter(clock.instant()));
    }

    void clear(Counter c) {
        db.update("DELETE FROM sign_in_throttle WHERE key = ?", key(c));
    }

    private Row current(Counter c, Instant now) {
        Optional<Row> row = db.one("SELECT failures, window_start, locked_until FROM sign_in_throttle WHERE key = ?",
                rs -> new Row(rs.getInt(1), Db.instant(rs, "window_start"), Db.instant(rs, "locked_until")), key(c));
        boolean stale = row.isEmpty() || (row.get().lockedUntil() == null && !row.get().windowStart().plus(c.window()).isAfter(now))
                || (row.get().lockedUntil() != null && !row.get().lockedUntil().isAfter(now));
        return stale ? new Row(0, now, null) : row.get();
    }

    private void save(Counter c, int failures, Instant windowStart, Instant lockedUntil) {
        db.update("INSERT INTO sign_in_throttle (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, "
                + "locked_until = excluded.locked_until", key(c), failures, windowStart, lockedUntil);
    }

    private String key(Counter c) {
        return keys.hash("throttle\u0000" + c.name());
    }
}
