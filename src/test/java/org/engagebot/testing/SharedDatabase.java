package org.engagebot.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a test of several instances reads from their shared PostgreSQL database over its own connection, while the
 * instances run as processes: who holds a lease, row counts, and waiting for a condition.
 */
public final class SharedDatabase {
    private SharedDatabase() {
    }

    /** The live holder of a lease (pid@host/…), or null when nobody holds it. */
    public static String holder(Connection db, String lease) {
        try (PreparedStatement p = db.prepareStatement("SELECT holder FROM lease WHERE name = ? AND expires_at > "
                + "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)")) {
            p.setString(1, lease);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the lease is held by the process with this id. */
    public static boolean heldBy(Connection db, String lease, long pid) {
        String holder = holder(db, lease);
        return holder != null && holder.startsWith(pid + "@");
    }

    public static long count(Connection db, String sql) {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void await(BooleanSupplier probe, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (probe.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + timeout);
    }
}
