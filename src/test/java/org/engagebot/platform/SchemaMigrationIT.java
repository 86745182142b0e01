package org.engagebot.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.engagebot.platform.BundledMigrations.Migration;
import org.engagebot.testing.TestDatabase;
import org.engagebot.testing.TestService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up runs Flyway only when the schema history differs from the bundled migrations: a restart on an up-to-date
 * database skips it, an older database is brought up to date, and a history that does not match what is bundled
 * (an applied migration edited since) still stops start-up with Flyway's own validation error.
 */
class SchemaMigrationIT {
    @TempDir
    Path dir;
    private ListAppender<ILoggingEvent> log;
    private Logger logger;

    @BeforeEach
    void listen() {
        logger = (Logger) LoggerFactory.getLogger(SchemaMigration.class);
        log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void theBundledMigrationsAreReadAsFlywayResolvesThemOnBothDatabases() {
        for (String folder : List.of("db/migration", "db/postgresql")) {
            List<Migration> flyway = new ArrayList<>();
            for (MigrationInfo m : Flyway.configure().dataSource(url("empty-" + folder.replace('/', '-')), null, null)
                    .locations("classpath:" + folder).load().info().all()) {
                flyway.add(new Migration(m.getVersion().getVersion(), m.getDescription(), m.getChecksum()));
            }
            assertThat(BundledMigrations.in(getClass().getClassLoader(), folder)).as(folder)
                    .hasValueSatisfying(ours -> assertThat(ours).hasSize(flyway.size()).containsExactlyInAnyOrderElementsOf(flyway));
        }
    }

    @Test
    void theMigrationsReadAheadOnAnotherThreadAreTheSame() throws InterruptedException {
        ClassLoader loader = getClass().getClassLoader();
        Thread ahead = new Thread(BundledMigrations.readAhead(loader, "db/migration"));
        ahead.start();
        ahead.join();

        assertThat(BundledMigrations.in(loader, "db/migration")).isNotEmpty()
                .isEqualTo(BundledMigrations.in(loader, "db/migration"));
    }

    @Test
    void aRestartOnAnUpToDateSchemaDoesNotRunFlyway() {
        String url = url("current.db");
        flyway(url).migrate();
        try (TestService service = TestService.start(Map.of("datasources.default.url", url))) {
            assertThat(service.get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(messages()).anyMatch(m -> m.startsWith("Schema up to date")).noneMatch(m -> m.startsWith("Running migrations"));
    }

    @Test
    void onPostgresqlTheFirstStartMigratesAndARestartDoesNotRunFlyway() {
        Assumptions.assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
        try (TestService service = TestService.start(TestDatabase.newPostgresDatabase())) {
            service.restart();
            assertThat(service.get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(messages()).filteredOn(m -> m.startsWith("Running migrations from classpath:db/postgresql")).hasSize(1);
        assertThat(messages()).filteredOn(m -> m.startsWith("Schema up to date")).hasSize(1);
    }

    @Test
    void aDatabaseOneMigrationBehindIsMigratedAtStart() throws SQLException {
        List<Migration> bundled = bundled();
        String url = url("older.db");
        String secondNewest = bundled.get(bundled.size() - 2).version();
        Flyway.configure().dataSource(url, null, null).locations(DatabaseSetup.SQLITE_MIGRATIONS).target(secondNewest)
                .load().migrate();
        assertThat(SchemaMigration.upToDate(sqlite(url), bundled)).isFalse();

        try (TestService service = TestService.start(Map.of("datasources.default.url", url))) {
            assertThat(service.get("/health").statusCode()).isEqualTo(200);
        }

        assertThat(messages()).anyMatch(m -> m.startsWith("Running migrations"));
        assertThat(SchemaMigration.upToDate(sqlite(url), bundled)).isTrue();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(bundled.get(bundled.size() - 1).version());
        }
    }

    @Test
    void anAppliedMigrationEditedSinceStillStopsStartUp() throws SQLException {
        String url = url("edited.db");
        flyway(url).migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }

        assertThatThrownBy(() -> TestService.start(Map.of("datasources.default.url", url)).close())
                .hasStackTraceContaining("checksum mismatch");
    }

    @Test
    void aFailedOrMissingHistoryIsNotUpToDate() throws SQLException {
        List<Migration> bundled = bundled();
        String url = url("failed.db");
        assertThat(SchemaMigration.upToDate(sqlite(url), bundled)).as("no history table").isFalse();
        flyway(url).migrate();
        assertThat(SchemaMigration.upToDate(sqlite(url), bundled)).isTrue();

        List<Migration> withOneMore = new ArrayList<>(bundled);
        withOneMore.add(new Migration("99999", "a new one", 1));
        assertThat(SchemaMigration.upToDate(sqlite(url), withOneMore)).as("a new bundled migration").isFalse();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (9999, '99999', 'a new one', 'SQL', 'V99999__a_new_one.sql', 1, "
                    + "'test', 0, 0)");
        }
        assertThat(SchemaMigration.upToDate(sqlite(url), withOneMore)).as("that migration failed").isFalse();
    }

    private List<Migration> bundled() {
        List<Migration> bundled = new ArrayList<>(BundledMigrations.in(getClass().getClassLoader(), "db/migration").orElseThrow());
        bundled.sort(Comparator.comparing(m -> Arrays.stream(m.version().split("\\.")).mapToInt(Integer::parseInt).toArray(),
                Arrays::compare));
        return bundled;
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String url(String file) {
        return TestDatabase.sqliteUrl(dir).replace("engagebot.db", file);
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, null, null).locations(DatabaseSetup.SQLITE_MIGRATIONS).load();
    }

    private static javax.sql.DataSource sqlite(String url) {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl(url);
        return ds;
    }
}
