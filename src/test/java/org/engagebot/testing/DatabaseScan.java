package org.engagebot.testing;

import org.engagebot.platform.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every column of every row of every table and reports where any of the given strings occurs; or, with
 * {@link #files}, reads the bytes of the database file, its -wal and its -shm, where free pages, old page images
 * and index entries keep copies that no query shows.
 */
public final class DatabaseScan {
    private DatabaseScan() {
    }

    /** "engagebot.db-wal: 41 × jane@example.org" for each file and string found in it (UTF-8, any case). */
    public static List<String> files(Path database, String... needles) {
        List<String> hits = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (!Files.exists(file)) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                String n = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT);
                int count = 0;
                for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
                    count++;
                }
                if (count > 0) {
                    hits.add(file.getFileName() + ": " + count + " × " + needle);
                }
            }
        }
        return hits;
    }

    /** The application's tables (not SQLite's own nor Flyway's), on SQLite or PostgreSQL. */
    public static List<String> tables(Db db) {
        return db.query(db.dialect().postgres() ? "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway_%'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name NOT LIKE 'flyway_%'", rs -> rs.getString(1));
    }

    /** A table's column names, on SQLite or PostgreSQL. */
    public static List<String> columns(Db db, String table) {
        return db.query(db.dialect().postgres() ? "SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"
                : "SELECT name FROM pragma_table_info(?)", rs -> rs.getString(1), table);
    }

    public static List<String> find(Db db, String... needles) {
        List<String> hits = new ArrayList<>();
        for (String table : tables(db)) {
            List<String> columns = columns(db, table);
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
