package org.engagebot.platform;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per physical SQLite connection and reused: preparing the same few dozen statements on
 * every message was a sixth of the pipeline's time in SQLite. Statements are prepared on the connection under the
 * pool's proxy, so the pool neither tracks nor closes them when the connection goes back; SQLite re-prepares one by
 * itself if the schema changed. A connection is used by one thread at a time (pool checkout, or the transaction
 * it is bound to), so each connection's map needs no lock of its own; a statement already in use on it (a mapper
 * running the same query) gets a fresh, uncached one. At most {@link #PER_CONNECTION} per connection, least
 * recently used closed first.
 */
final class StatementCache {
    static final int PER_CONNECTION = 200;

    private final Map<SQLiteConnection, Map<String, Cached>> byConnection =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static final class Cached {
        final PreparedStatement statement;
        boolean inUse;

        Cached(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /** A statement lent for one execution; {@link #close} gives it back (or closes it, when it was not cached). */
    static final class Lease implements AutoCloseable {
        private final PreparedStatement statement;
        private final Cached cached;

        private Lease(PreparedStatement statement, Cached cached) {
            this.statement = statement;
            this.cached = cached;
        }

        PreparedStatement statement() {
            return statement;
        }

        @Override
        public void close() throws SQLException {
            if (cached == null) {
                statement.close();
                return;
            }
            statement.clearParameters();
            cached.inUse = false;
        }
    }

    Lease lease(Connection pooled, String sql) throws SQLException {
        SQLiteConnection physical = pooled.isWrapperFor(SQLiteConnection.class) ? pooled.unwrap(SQLiteConnection.class) : null;
        if (physical == null) {
            return new Lease(pooled.prepareStatement(sql), null);
        }
        Map<String, Cached> statements = byConnection.computeIfAbsent(physical, c -> new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                if (size() <= PER_CONNECTION || eldest.getValue().inUse) {
                    return false;
                }
                closeQuietly(eldest.getValue().statement);
                return true;
            }
        });
        Cached cached = statements.get(sql);
        if (cached != null && cached.inUse) {
            return new Lease(physical.prepareStatement(sql), null);
        }
        if (cached == null || cached.statement.isClosed()) {
            cached = new Cached(physical.prepareStatement(sql));
            statements.put(sql, cached);
        }
        cached.inUse = true;
        return new Lease(cached.statement, cached);
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is closing or closed; its statements go with it
        }
    }
}
