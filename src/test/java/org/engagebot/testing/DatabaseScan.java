package org.engagebot.testing;

import org.engagebot.platform.Db;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads every column of every row of every table and reports where any of the given strings occurs. */
public final class DatabaseScan {
    private DatabaseScan() {
    }

    public static List<String> find(Db db, String... needles) {
        List<String> hits = new ArrayList<>();
        List<String> tables = db.query("SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1));
        for (String table : tables) {
            List<String> columns = db.query("SELECT name FROM pragma_table_info(?)", rs -> rs.getString(1), table);
            db.query("SELECT * FROM \"" + table + "\"", rs -> {
                for (String column : columns) {
                    Object value = rs.getObject(column);
                    String text = value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value);
                    for (String needle : needles) {
                        if (text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
                            hits.add(table + "." + column + " contains " + needle);
                        }
                    }
                }
                return null;
            });
        }
        return hits;
    }
}
