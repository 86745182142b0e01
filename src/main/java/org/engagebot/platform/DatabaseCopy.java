package org.engagebot.platform;

import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves a SQLite database to PostgreSQL: `java -jar engagebot.jar copy-from jdbc:sqlite:./data/engagebot.db` with
 * the service's usual DATASOURCES_DEFAULT_URL/_USERNAME/_PASSWORD naming the PostgreSQL database. Both are migrated
 * to this version first (as the service would at start), then every table's rows are copied in one PostgreSQL
 * transaction, parents before children, from one read snapshot of the SQLite file; identity sequences are moved past
 * the copied ids, and the row counts of every table are compared and printed. A target that already holds data is
 * refused unless --overwrite is given (then its tables are emptied first, in the same transaction).
 */
public final class DatabaseCopy {
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "lease");
    private static final int BATCH = 500;

    private final PrintStream out;

    public DatabaseCopy(PrintStream out) {
        this.out = out;
    }

    /** The figures of one copy: rows per table in the source and in the target, in copy order. */
    public record Result(Map<String, long[]> counts, List<String> skipped) {
        public boolean matches() {
            return counts.values().stream().allMatch(c -> c[0] == c[1]);
        }
    }

    public Result copy(String sqliteUrl, String postgresUrl, String user, String password, boolean overwrite)
            throws SQLException {
        if (!Dialect.of(postgresUrl).postgres() || Dialect.of(sqliteUrl).postgres() || !sqliteUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("copy-from needs a jdbc:sqlite: source and DATASOURCES_DEFAULT_URL=jdbc:postgresql:… as the target");
        }
        migrate(sqliteUrl, null, null, DatabaseSetup.SQLITE_MIGRATIONS);
        migrate(postgresUrl, user, password, DatabaseSetup.POSTGRESQL_MIGRATIONS);
        try (Connection source = DriverManager.getConnection(sqliteUrl);
             Connection target = DriverManager.getConnection(postgresUrl, user, password)) {
            List<String> tables = tablesParentsFirst(target);
            Set<String> sourceTables = tableNames(source);
            List<String> skipped = new ArrayList<>(sourceTables.stream()
                    .filter(t -> !tables.contains(t) && !NOT_COPIED.contains(t) && !t.startsWith("sqlite_")).toList());
            source.setAutoCommit(false); // one read snapshot of the whole file, whatever writes to it meanwhile
            target.setAutoCommit(false);
            try {
                emptyTarget(target, tables, overwrite);
                Map<String, long[]> counts = new LinkedHashMap<>();
                for (String table : tables) {
                    long copied = sourceTables.contains(table) ? copyTable(source, target, table) : 0;
                    counts.put(table, new long[] {copied, 0});
                }
                moveSequences(target, tables);
                target.commit();
                for (var e : counts.entrySet()) {
                    e.getValue()[0] = sourceTables.contains(e.getKey()) ? count(source, e.getKey()) : 0;
                    e.getValue()[1] = count(target, e.getKey());
                }
                source.rollback();
                return new Result(counts, skipped);
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
    }

    public void print(Result result) {
        out.printf("%-34s %10s %10s%n", "table", "SQLite", "PostgreSQL");
        long total = 0;
        for (var e : result.counts().entrySet()) {
            long[] c = e.getValue();
            total += c[1];
            out.printf("%-34s %10d %10d%s%n", e.getKey(), c[0], c[1], c[0] == c[1] ? "" : "   MISMATCH");
        }
        result.skipped().forEach(t -> out.println("not copied (no such table on PostgreSQL): " + t));
        out.println(result.matches() ? "Copied " + total + " rows in " + result.counts().size() + " tables; every count matches."
                : "Counts differ: the copy is not complete.");
    }

    private static void migrate(String url, String user, String password, String location) {
        Flyway.configure().dataSource(url, user, password).locations(location).load().migrate();
    }

    private void emptyTarget(Connection target, List<String> tables, boolean overwrite) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            try (Statement s = target.createStatement();
                 ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table) + ")")) {
                if (r.next() && r.getBoolean(1)) {
                    holding.add(table);
                }
            }
        }
        if (holding.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new IllegalStateException("the PostgreSQL database already holds data (" + String.join(", ", holding)
                    + "); give --overwrite to replace it");
        }
        out.println("Emptying " + holding.size() + " tables of the target first (--overwrite)");
        try (Statement s = target.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", tables.stream().map(DatabaseCopy::quote).toList()) + " RESTART IDENTITY CASCADE");
        }
    }

    private long copyTable(Connection source, Connection target, String table) throws SQLException {
        Map<String, Integer> targetColumns = columns(target, table);
        Set<String> sourceColumns = columns(source, table).keySet();
        List<String> names = targetColumns.keySet().stream().filter(sourceColumns::contains).toList();
        if (names.isEmpty()) {
            return 0;
        }
        String list = String.join(", ", names.stream().map(DatabaseCopy::quote).toList());
        String insert = "INSERT INTO " + quote(table) + " (" + list + ") OVERRIDING SYSTEM VALUE VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        long rows = 0;
        try (Statement read = source.createStatement();
             ResultSet r = read.executeQuery("SELECT " + list + " FROM " + quote(table) + " ORDER BY rowid");
             PreparedStatement write = target.prepareStatement(insert)) {
            while (r.next()) {
                for (int i = 0; i < names.size(); i++) {
                    write.setObject(i + 1, convert(r.getObject(i + 1), targetColumns.get(names.get(i))),
                            targetColumns.get(names.get(i)));
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    /** SQLite keeps what it was given; PostgreSQL's columns are typed: convert to the target column's type. */
    static Object convert(Object value, int sqlType) {
        if (value == null) {
            return null;
        }
        return switch (sqlType) {
            case Types.BIGINT -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
                    value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            case Types.BOOLEAN, Types.BIT -> value instanceof Number n ? n.longValue() != 0
                    : Boolean.parseBoolean(value.toString()) || "1".equals(value.toString());
            case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL ->
                    value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
            default -> value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
        };
    }

    private static void moveSequences(Connection target, List<String> tables) throws SQLException {
        for (String table : tables) {
            for (String column : columns(target, table).keySet()) {
                String sequence;
                try (PreparedStatement p = target.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    p.setString(1, quote(table));
                    p.setString(2, column);
                    try (ResultSet r = p.executeQuery()) {
                        sequence = r.next() ? r.getString(1) : null;
                    }
                }
                if (sequence != null) {
                    try (PreparedStatement p = target.prepareStatement("SELECT setval(?::regclass, COALESCE((SELECT max("
                            + quote(column) + ") FROM " + quote(table) + "), 0) + 1, false)")) {
                        p.setString(1, sequence);
                        p.execute();
                    }
                }
            }
        }
    }

    /** The target's tables, each after every table it references (self-references aside). */
    private static List<String> tablesParentsFirst(Connection target) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tableNames(target)) {
            if (NOT_COPIED.contains(table)) {
                continue;
            }
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet r = meta.getImportedKeys(null, target.getSchema(), table)) {
                while (r.next()) {
                    String parent = r.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(table, refs);
        }
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : parents.keySet()) {
            visit(table, parents, order, visiting);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> parents, List<String> order, Set<String> visiting) {
        if (order.contains(table) || !parents.containsKey(table) || !visiting.add(table)) {
            return;
        }
        for (String parent : parents.get(table)) {
            visit(parent, parents, order, visiting);
        }
        order.add(table);
    }

    private static Set<String> tableNames(Connection c) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        String schema = Dialect.of(c.getMetaData().getURL()).postgres() ? c.getSchema() : null;
        try (ResultSet r = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                names.add(r.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        String schema = Dialect.of(c.getMetaData().getURL()).postgres() ? c.getSchema() : null;
        try (ResultSet r = c.getMetaData().getColumns(null, schema, table, "%")) {
            while (r.next()) {
                columns.put(r.getString("COLUMN_NAME"), r.getInt("DATA_TYPE"));
            }
        }
        return columns;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
