package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the live schema (sqlite_master and pragma table_info; information_schema on PostgreSQL), so privacy covers tables other features add
 * without knowing them at compile time. Table and column names come only from the schema, never from input.
 */
@Singleton
class Tables {
    private final Db db;

    Tables(Db db) {
        this.db = db;
    }

    record Column(String name, String type, boolean notNull, boolean primaryKey) {
        boolean textual() {
            String t = type == null ? "" : type.toUpperCase();
            return t.isEmpty() || t.contains("TEXT") || t.contains("CHAR") || t.contains("CLOB") || t.contains("BLOB")
                    || t.contains("BYTEA");
        }
    }

    private static final String PG_TABLES = "FROM information_schema.tables WHERE table_schema = current_schema() "
            + "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway_%' ";
    private static final String PG_COLUMNS = "SELECT c.column_name, upper(c.data_type), "
            + "CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END, "
            + "CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints t "
            + "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
            + "AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
            + "WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name "
            + "AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) THEN 1 ELSE 0 END "
            + "FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = ? "
            + "ORDER BY c.ordinal_position";

    List<String> names() {
        if (db.dialect().postgres()) {
            return db.query("SELECT table_name " + PG_TABLES + "ORDER BY table_name", rs -> rs.getString(1));
        }
        return db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name NOT LIKE 'flyway_%' ORDER BY name", rs -> rs.getString(1));
    }

    boolean exists(String table) {
        if (db.dialect().postgres()) {
            return db.count("SELECT count(*) " + PG_TABLES + "AND table_name = ?", table) > 0;
        }
        return db.count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) > 0;
    }

    List<Column> columns(String table) {
        if (db.dialect().postgres()) {
            return db.query(PG_COLUMNS, rs -> new Column(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                    rs.getInt(4) > 0), table);
        }
        return db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", rs -> new Column(
                rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4) > 0), table);
    }

    boolean hasColumn(String table, String column) {
        return columns(table).stream().anyMatch(c -> c.name().equalsIgnoreCase(column));
    }

    /** Rows as column → value maps; BLOBs as UTF-8 text, epoch-millis "*_at" columns as ISO instants. */
    List<Map<String, Object>> rows(String sql, Object... params) {
        return db.query(sql, Tables::row, params);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            Object value = rs.getObject(i);
            if (value instanceof byte[] bytes) {
                value = new String(bytes, StandardCharsets.UTF_8);
            } else if (value instanceof Number n && name.endsWith("_at") && !(value instanceof Double)) {
                value = Instant.ofEpochMilli(n.longValue()).toString();
            }
            row.put(name, value);
        }
        return row;
    }
}
