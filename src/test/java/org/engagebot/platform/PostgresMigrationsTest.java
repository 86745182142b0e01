package org.engagebot.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQLite migration (db/migration) has its PostgreSQL translation with the same version (db/postgresql), so a
 * database on either reaches the same schema version; the README (Running on PostgreSQL) says how to translate.
 */
class PostgresMigrationsTest {
    private static final Pattern VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__.*\\.sql$");

    @Test
    void everySqliteMigrationVersionHasAPostgresqlTranslation() throws IOException {
        Set<String> sqlite = versions(Path.of("src/main/resources/db/migration"));
        Set<String> postgres = versions(Path.of("src/main/resources/db/postgresql"));
        assertThat(sqlite).isNotEmpty();
        assertThat(postgres).as("db/postgresql lacks a translation of these versions").containsAll(sqlite);
    }

    @Test
    void noPostgresqlMigrationKeepsSqliteOnlySyntax() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/postgresql"))) {
            for (Path f : files.toList()) {
                String sql = Files.readString(f).replaceAll("(?m)--.*$", "");
                assertThat(sql).as(f.getFileName().toString())
                        .doesNotContainIgnoringCase("AUTOINCREMENT")
                        .doesNotContainIgnoringCase("strftime(")
                        .doesNotContainIgnoringCase("datetime(")
                        .doesNotContainIgnoringCase("json_extract(")
                        .doesNotContainIgnoringCase("PRAGMA")
                        .doesNotContainIgnoringCase(" BLOB")
                        .doesNotContainIgnoringCase("INSERT OR ");
            }
        }
    }

    private static Set<String> versions(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = VERSION.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
