package org.engagebot.platform;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.function.Supplier;

/**
 * Thin JDBC helper over the DataSource: inside a transaction ({@link Transactions}) every call joins its connection,
 * outside each call runs on its own pooled connection in autocommit. Transactions are plain JDBC on a pooled
 * connection bound to the thread: on SQLite, BEGIN IMMEDIATE / COMMIT as reused statements on a connection left in
 * autocommit (the driver's setAutoCommit(false) would run BEGIN, then COMMIT + BEGIN at commit and COMMIT again when the
 * pool restores autocommit); any other database gets setAutoCommit(false) / commit(). Going through Micronaut's
 * transaction manager and its propagated context cost about a tenth of an inbound message's CPU. Instants are stored as epoch millis. Statements are prepared
 * once per connection and reused ({@link StatementCache}); an INSERT returns its row id itself (RETURNING rowid: one
 * statement where reading last_insert_rowid() after it took two), so the driver's own generated-keys query after every
 * INSERT is off (jdbc.get_generated_keys=false in the data-source properties). On PostgreSQL ({@link Dialect}) the INSERT returns
 * its id itself (RETURNING) and the SQLite-only maintenance (WAL checkpoints) has a PostgreSQL counterpart or none.
 */
@Singleton
public class Db {
    /** An INSERT's SQL with RETURNING rowid, built once per statement. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> RETURNING_ROWID =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The connection of the transaction open on this thread, if any. */
    private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();
    /** PostgreSQL: writes of the open transaction held back to go with its next statement or its COMMIT ({@link #updateLater}). */
    private static final ThreadLocal<Later> LATER = new ThreadLocal<>();
    private final DataSource raw;
    private final StatementCache statements = new StatementCache();
    private final Dialect dialect;

    public Db(DataSource dataSource, DataSourceResolver resolver, Dialect dialect) {
        this.raw = resolver.resolve(dataSource);
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    static boolean inTransaction() {
        return CURRENT.get() != null;
    }

    /**
     * An identity of the transaction open on this thread (null when none), for what may be kept only as long as it
     * lasts (conversation's session read with the participant).
     */
    public static Object transactionKey() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} in one transaction on a pooled connection that every call on this thread joins meanwhile;
     * commits when it returns, rolls back when it throws. The caller holds the writer lock and has checked that no
     * transaction is open on this thread.
     */
    <T> T transaction(Supplier<T> work) {
        try (Connection c = raw.getConnection()) {
            boolean sqlite = !dialect.postgres(); // the dialect the URL named, read once at start
            begin(c, sqlite);
            CURRENT.set(c);
            Later later = sqlite ? null : new Later();
            LATER.set(later);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                CURRENT.remove();
                LATER.remove();
                rollbackQuietly(c, sqlite);
                throw e;
            }
            CURRENT.remove();
            LATER.remove();
            try {
                if (later != null && !later.isEmpty()) {
                    later.flush(c, true); // the held-back writes and the COMMIT in one round trip
                }
                end(c, sqlite, "COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(c, sqlite);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new DataAccessFailure("transaction", e);
        }
    }

    private void begin(Connection c, boolean sqlite) throws SQLException {
        if (!sqlite) {
            c.setAutoCommit(false);
            return;
        }
        try (StatementCache.Lease lease = statements.lease(c, "BEGIN IMMEDIATE")) {
            lease.statement().executeUpdate();
        }
    }

    private void end(Connection c, boolean sqlite, String how) throws SQLException {
        if (!sqlite) {
            try {
                if (how.equals("COMMIT")) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } finally {
                c.setAutoCommit(true);
            }
            return;
        }
        try (StatementCache.Lease lease = statements.lease(c, how)) {
            lease.statement().executeUpdate();
        }
    }

    /**
     * Rolls back. When that fails (SQLite may have rolled back already, after a full disk say), the connection is
     * retired from the pool rather than risk handing on one with a transaction still open.
     */
    private void rollbackQuietly(Connection c, boolean sqlite) {
        try {
            end(c, sqlite, "ROLLBACK");
        } catch (SQLException e) {
            if (raw instanceof HikariDataSource pool) {
                pool.evictConnection(c);
            }
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Work that runs held-back writes ahead of its statement ({@link #withConnectionCarrying}). */
    @FunctionalInterface
    private interface CarryingWork<T> {
        T on(Connection c, Held held) throws SQLException;
    }

    /** Runs on the connection of the open transaction, else on a pooled one in autocommit (closed afterwards). */
    private <T> T withConnection(String sql, Work<T> work) {
        return withConnectionCarrying(sql, (c, held) -> {
            held.send(c, false); // in their own round trip: what this statement reads or changes may depend on them
            return work.on(c);
        });
    }

    /**
     * As {@link #withConnection}, but writes held back in the open PostgreSQL transaction go ahead of this statement
     * in its own round trip (one prepared multi-statement, run in order; a failure among them fails this statement,
     * and the transaction rolls back), rather than in a round trip of their own: {@code work} gets them as a prefix
     * (empty when none) with their values, and must run {@code prefix + sql} with those values first.
     */
    private <T> T withConnectionCarrying(String sql, CarryingWork<T> work) {
        Connection current = CURRENT.get();
        try {
            if (current != null) {
                Later later = LATER.get();
                Held held = later == null ? Held.NONE : later.take();
                try {
                    return work.on(current, held);
                } catch (SQLException e) {
                    if (held.isEmpty()) {
                        throw e;
                    }
                    throw new SQLException("held-back writes or the statement after them failed: "
                            + (held.sql() + sql).replaceAll("\\s+", " "), e.getSQLState(), e);
                }
            }
            try (Connection c = raw.getConnection()) {
                return work.on(c, Held.NONE);
            }
        } catch (SQLException e) {
            throw new DataAccessFailure(sql, e);
        }
    }

    /** As {@link #withConnection}; on SQLite holding the writer lock when no transaction (which already holds it) is open. */
    private <T> T writing(String sql, Work<T> work) {
        boolean lock = !inTransaction() && !dialect.postgres(); // PostgreSQL takes concurrent writers itself
        if (lock) {
            Transactions.WRITER.lock();
        }
        try {
            return withConnection(sql, work);
        } finally {
            if (lock) {
                Transactions.WRITER.unlock();
            }
        }
    }

    public int update(String sql, Object... params) {
        if (inTransaction() && dialect.postgres()) {
            return withConnectionCarrying(sql, (c, held) -> {
                try (PreparedStatement ps = c.prepareStatement(held.sql() + sql)) {
                    bind(ps, concat(held.values(), params));
                    if (held.pastThem(ps, ps.execute())) {
                        throw new SQLException("a result set where an update count was expected");
                    }
                    return Math.max(ps.getUpdateCount(), 0);
                }
            });
        }
        return writing(sql, c -> {
            try (StatementCache.Lease lease = statements.lease(c, sql)) {
                bind(lease.statement(), params);
                return lease.statement().executeUpdate();
            }
        });
    }

    private static Object[] concat(Object[] a, Object[] b) {
        if (a.length == 0) {
            return b;
        }
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Executes held-back writes followed by a query, and returns that query's rows. */
    private static ResultSet resultAfter(PreparedStatement ps, Held held) throws SQLException {
        if (!held.pastThem(ps, ps.execute())) {
            throw new SQLException("no result set from the statement after the held-back writes");
        }
        return ps.getResultSet();
    }

    /**
     * A write whose outcome (row count, a failure) the caller does not need before the commit. Inside a PostgreSQL
     * transaction it is held back and sent with the transaction's next statement's round trip or with its COMMIT (one
     * multi-statement round trip instead of one each: the server's and the driver's time per message is mostly round
     * trips); a failure then fails that statement or the commit, and the transaction rolls back as any other failure
     * would. Anywhere else (SQLite, no transaction) it runs at once, as {@link #update}.
     */
    public void updateLater(String sql, Object... params) {
        Later later = LATER.get();
        if (later == null || CURRENT.get() == null) {
            update(sql, params);
            return;
        }
        later.add(sql, params);
    }

    /** The held-back writes of one PostgreSQL transaction, in order. */
    private static final class Later {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private int count;

        boolean isEmpty() {
            return count == 0;
        }

        void add(String statement, Object[] values) {
            sql.append(statement).append(";\n");
            params.addAll(java.util.Arrays.asList(values));
            count++;
        }

        /** Takes them all out, to be sent ahead of the next statement (empty when none). */
        Held take() {
            if (count == 0) {
                return Held.NONE;
            }
            Held held = new Held(sql.toString(), params.toArray(), count);
            sql.setLength(0);
            params.clear();
            count = 0;
            return held;
        }

        /**
         * Sends them as one prepared multi-statement (the driver splits it and sends each statement's messages
         * together, one Sync); with {@code commit} the COMMIT follows in the same round trip, after which the
         * connection's commit() finds no transaction open and sends nothing. A failure skips the rest (and the COMMIT).
         */
        void flush(Connection c, boolean commit) throws SQLException {
            take().send(c, commit);
        }
    }

    /** Held-back writes taken out to go ahead of a statement: their SQL (each ended by ";"), values and number. */
    private record Held(String sql, Object[] values, int count) {
        static final Held NONE = new Held("", new Object[0], 0);

        boolean isEmpty() {
            return count == 0;
        }

        /** Sends them alone (nothing when none), with {@code commit} followed by the COMMIT: {@link Later#flush}. */
        void send(Connection c, boolean commit) throws SQLException {
            if (isEmpty()) {
                return;
            }
            String statements = commit ? sql + "COMMIT" : sql;
            try (PreparedStatement ps = c.prepareStatement(statements)) {
                bind(ps, values);
                pastThem(ps, ps.execute());
            } catch (SQLException e) {
                throw new SQLException("held-back writes failed: " + statements.replaceAll("\\s+", " "), e.getSQLState(), e);
            }
        }

        /**
         * After {@code ps.execute()} returned {@code result} (whether its first result is a result set): steps over
         * these writes' update counts and returns whether the statement after them (if any) gave a result set;
         * {@code ps} is then on that statement's result.
         */
        boolean pastThem(PreparedStatement ps, boolean result) throws SQLException {
            for (int i = 0; i < count; i++) {
                if (result || ps.getUpdateCount() == -1) {
                    throw new SQLException("a held-back write gave no update count");
                }
                result = ps.getMoreResults();
            }
            return result;
        }
    }

    /**
     * Runs one statement for many rows as a JDBC batch: on PostgreSQL one round trip instead of one a row (with
     * {@code reWriteBatchedInserts} an INSERT batch becomes multi-row INSERTs); on SQLite one prepared statement
     * re-bound. Returns the rows changed in all.
     */
    public int batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return writing(sql, c -> {
            try (StatementCache.Lease lease = statements.lease(c, sql)) {
                PreparedStatement ps = lease.statement();
                try {
                    for (Object[] params : rows) {
                        bind(ps, params);
                        ps.addBatch();
                    }
                    int changed = 0;
                    for (int n : ps.executeBatch()) {
                        changed += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
                    }
                    return changed;
                } finally {
                    ps.clearBatch(); // the statement is cached: nothing half-bound may stay on it
                }
            }
        });
    }

    /** Runs an INSERT and returns the generated row id, or -1 when nothing was inserted (ON CONFLICT DO NOTHING). */
    public long insert(String sql, Object... params) {
        if (dialect.postgres()) {
            if (inTransaction()) { // held-back writes go ahead of it in its round trip
                return withConnectionCarrying(sql, (c, held) -> held.isEmpty() ? insertReturning(c, sql, params)
                        : insertReturningAfter(c, held, sql, params));
            }
            return writing(sql, c -> insertReturning(c, sql, params));
        }
        String returningRowid = RETURNING_ROWID.size() < 1_000
                ? RETURNING_ROWID.computeIfAbsent(sql, s -> s + " RETURNING rowid") : sql + " RETURNING rowid";
        return writing(sql, c -> {
            try (StatementCache.Lease lease = statements.lease(c, returningRowid)) {
                bind(lease.statement(), params);
                try (ResultSet rows = lease.statement().executeQuery()) {
                    long id = -1L;
                    while (rows.next()) {
                        id = rows.getLong(1);
                    }
                    return id;
                }
            }
        });
    }

    /** PostgreSQL: per INSERT, whether its table has an "id" column, learned from its first RETURNING *. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> HAS_ID =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * PostgreSQL: the first time, the driver adds RETURNING * and hands back the row; its "id" is the generated key.
     * Tables keyed otherwise (a token hash) have none: 0, as a row was inserted all the same. From then on only the
     * id comes back (RETURNING "id"), or nothing: the whole row (an email's raw source, an outbox payload) was sent
     * back for every insert.
     */
    private static long insertReturning(Connection c, String sql, Object[] params) throws SQLException {
        Boolean hasId = HAS_ID.get(sql);
        if (hasId != null) {
            try (PreparedStatement ps = hasId ? c.prepareStatement(sql, new String[]{"id"}) : c.prepareStatement(sql)) {
                bind(ps, params);
                if (ps.executeUpdate() == 0) {
                    return -1L;
                }
                if (!hasId) {
                    return 0L;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : -1L;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            if (ps.executeUpdate() == 0) {
                return -1L;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    return -1L;
                }
                var meta = keys.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if ("id".equalsIgnoreCase(meta.getColumnName(i))) {
                        remember(sql, true);
                        return keys.getLong(i);
                    }
                }
                remember(sql, false);
                return 0L;
            }
        }
    }

    /**
     * PostgreSQL: {@code held} writes, then the INSERT, in one round trip. Its id as {@link #insertReturning} reads
     * it; an INSERT not yet seen alone runs alone after the held-back writes are sent, to learn its table.
     */
    private static long insertReturningAfter(Connection c, Held held, String sql, Object[] params) throws SQLException {
        Boolean hasId = HAS_ID.get(sql);
        if (hasId == null) {
            held.send(c, false);
            return insertReturning(c, sql, params);
        }
        try (PreparedStatement ps = c.prepareStatement(held.sql() + sql + (hasId ? " RETURNING id" : ""))) {
            bind(ps, concat(held.values(), params));
            boolean result = held.pastThem(ps, ps.execute());
            if (!hasId) {
                return !result && ps.getUpdateCount() == 0 ? -1L : 0L;
            }
            if (!result) {
                throw new SQLException("no id returned by the INSERT after the held-back writes");
            }
            try (ResultSet keys = ps.getResultSet()) {
                return keys.next() ? keys.getLong(1) : -1L;
            }
        }
    }

    private static void remember(String insert, boolean hasId) {
        if (HAS_ID.size() < 1_000) {
            HAS_ID.put(insert, hasId);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnectionCarrying(sql, (c, held) -> {
            if (!held.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(held.sql() + sql)) {
                    bind(ps, concat(held.values(), params));
                    try (ResultSet rs = resultAfter(ps, held)) {
                        List<T> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(mapper.map(rs));
                        }
                        return rows;
                    }
                }
            }
            try (StatementCache.Lease lease = statements.lease(c, sql)) {
                bind(lease.statement(), params);
                try (ResultSet rs = lease.statement().executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** A query to run alongside another ({@link #oneThenOne}). */
    public record Query<T>(String sql, RowMapper<T> mapper, Object... params) {
    }

    /** The first rows of two queries run together: empty optionals where a query returned no row. */
    public record Both<A, B>(Optional<A> first, Optional<B> second) {
    }

    /**
     * Runs {@code first}, then {@code second}, and returns the first row of each. In a PostgreSQL transaction both go
     * in one round trip (one prepared multi-statement, as {@link #updateLater}'s writes): the server runs them one
     * after the other, and under READ COMMITTED {@code second} reads on a snapshot taken after {@code first} ended,
     * so it sees everything committed before whatever lock {@code first} took. Anywhere else, two calls.
     */
    public <A, B> Both<A, B> oneThenOne(Query<A> first, Query<B> second) {
        if (!dialect.postgres() || CURRENT.get() == null) {
            return new Both<>(one(first.sql(), first.mapper(), first.params()), one(second.sql(), second.mapper(), second.params()));
        }
        String sql = first.sql() + ";\n" + second.sql();
        return withConnectionCarrying(sql, (c, held) -> {
            try (PreparedStatement ps = c.prepareStatement(held.sql() + sql)) {
                bind(ps, concat(held.values(), concat(first.params(), second.params())));
                Optional<A> a = firstRow(resultAfter(ps, held), first.mapper());
                if (!ps.getMoreResults()) {
                    throw new SQLException("no result from the second statement");
                }
                return new Both<>(a, firstRow(ps.getResultSet(), second.mapper()));
            }
        });
    }

    private static <T> Optional<T> firstRow(ResultSet rs, RowMapper<T> mapper) throws SQLException {
        try (rs) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
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
        if (dialect.postgres()) {
            return vacuum();
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

    /**
     * PostgreSQL's counterpart after an erasure: VACUUM removes the dead row versions the erasure left in the
     * tables' pages (README, Running on PostgreSQL, for WAL segments and backups). Autocommit, as VACUUM requires.
     */
    private boolean vacuum() {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            s.execute("VACUUM");
            return true;
        } catch (SQLException e) {
            throw new DataAccessFailure("VACUUM", e);
        }
    }

    /**
     * Copies what it can of the WAL into the database file without waiting for anyone ({@link WalCheckpointer});
     * returns the WAL's length in frames (pages) as the pass found it.
     */
    int checkpointPassive() {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() ? rs.getInt(2) : 0;
        } catch (SQLException e) {
            throw new DataAccessFailure("PRAGMA wal_checkpoint(PASSIVE)", e);
        }
    }

    /**
     * Under the writer lock, copies the rest of the WAL and waits up to {@code readersMillis} for readers still on it,
     * so that the next writer starts the WAL again from its beginning ({@link WalCheckpointer}). Gives up quietly
     * when a reader takes longer (the next round tries again). Returns whether the WAL was emptied.
     */
    boolean checkpointRestart(int readersMillis) {
        Transactions.WRITER.lock();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            int busy;
            try (ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
                busy = rs.next() ? rs.getInt(1) : 0;
            }
            s.execute("PRAGMA busy_timeout = " + readersMillis);
            try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(RESTART)")) {
                return rs.next() && rs.getInt(1) == 0;
            } finally {
                s.execute("PRAGMA busy_timeout = " + busy);
            }
        } catch (SQLException e) {
            throw new DataAccessFailure("PRAGMA wal_checkpoint(RESTART)", e);
        } finally {
            Transactions.WRITER.unlock();
        }
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
