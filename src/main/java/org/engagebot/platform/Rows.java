package org.engagebot.platform;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows as a person reads them in their data export: column → value, bytes as UTF-8 text, "*_at" times as instants. */
public final class Rows {
    private Rows() {
    }

    /** A {@link Db.RowMapper}: the current row as column → value. */
    public static Map<String, Object> of(ResultSet rs) throws SQLException {
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

    /** "1,2,3" for an IN list of ids (numbers only, never text from input); "0" when there are none. */
    public static String ids(List<Long> ids) {
        return ids.isEmpty() ? "0" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Puts {@code rows} under {@code table} when there are any. */
    public static void put(Map<String, List<Map<String, Object>>> out, String table, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            out.put(table, rows);
        }
    }
}
