package org.engagebot.platform;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thin JDBC helper over the transaction-aware DataSource: inside a transaction every call joins it,
 * outside each call runs on its own connection in autocommit. Instants are stored as epoch millis.
 */
@Singleton
public class Db {
    private final DataSource contextual;
    private final DataSource raw;
    private final ConnectionOperations<Connection> connections;

    public Db(DataSource dataSource, ConnectionOperations<Connection> connections, DataSourceResolver resolver) {
        this.contextual = dataSource;
        this.raw = resolver.resolve(dataSource);
        this.connections = connections;
    }

    private boolean inTransaction() {
        return connections.findConnectionStatus().isPresent();
    }

    /** The transaction's connection when one is open (closing it is then a no-op), else a pooled one. */
    private Connection connection() throws SQLException {
        if (inTransaction()) {
            Connection c = contextual.getConnection();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        return raw.getConnection();
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public int update(String sql, Object... params) {
        boolean lock = !inTransaction();
        if (lock) {
            Transactions.WRITER.lock();
        }
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessFailure(sql, e);
        } finally {
            if (lock) {
                Transactions.WRITER.unlock();
            }
        }
    }

    /** Runs an INSERT and returns the generated row id, or -1 when nothing was inserted (ON CONFLICT DO NOTHING). */
    public long insert(String sql, Object... params) {
        boolean lock = !inTransaction();
        if (lock) {
            Transactions.WRITER.lock();
        }
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            if (ps.executeUpdate() == 0) {
                return -1;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new DataAccessFailure(sql, e);
        } finally {
            if (lock) {
                Transactions.WRITER.unlock();
            }
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new DataAccessFailure(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /**
     * Copies the WAL into the database file and truncates it to zero bytes, so old page images (of rows just
     * erased, say) do not outlive the erasure in the -wal file. Call outside any transaction; takes the writer
     * lock meanwhile so no writer waits in SQLite's busy handler. Returns false when readers kept it from finishing
     * after a few tries.
     */
    public boolean checkpointTruncate() {
        if (inTransaction()) {
            throw new IllegalStateException("checkpoint inside a transaction");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Transactions.WRITER.lock();
            try (Connection c = raw.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (rs.next() && rs.getInt(1) == 0) {
                    return true;
                }
            } catch (SQLException e) {
                throw new DataAccessFailure("PRAGMA wal_checkpoint(TRUNCATE)", e);
            } finally {
                Transactions.WRITER.unlock();
            }
            try {
                Thread.sleep(20L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setLong(i + 1, instant.toEpochMilli());
            } else if (p instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A failed statement; carries the SQL (never the parameters, which may be personal data). */
    public static class DataAccessFailure extends RuntimeException {
        public DataAccessFailure(String sql, SQLException cause) {
            super("SQL failed: " + sql.replaceAll("\\s+", " "), cause);
        }
    }
}
