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
 * Reads the live schema (sqlite_master, pragma table_info), so privacy covers tables other features add
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
            return t.isEmpty() || t.contains("TEXT") || t.contains("CHAR") || t.contains("CLOB") || t.contains("BLOB");
        }
    }

    List<String> names() {
        return db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name NOT LIKE 'flyway_%' ORDER BY name", rs -> rs.getString(1));
    }

    boolean exists(String table) {
        return db.count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) > 0;
    }

    List<Column> columns(String table) {
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
