package org.engagebot.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which database a test service runs on. SQLite in the test's temp folder unless ENGAGEBOT_TEST_DATABASE=postgresql,
 * then a fresh database of its own on the PostgreSQL at ENGAGEBOT_TEST_PG_URL (user ENGAGEBOT_TEST_PG_USER, password
 * ENGAGEBOT_TEST_PG_PASSWORD if any), as `.ci/pg-cluster` starts one. Tests meant only for PostgreSQL check
 * {@link #postgresAvailable()} and skip without it, so `mvn -B verify` on a machine without PostgreSQL stays green.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** True when this run puts the test services on PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getenv().getOrDefault("ENGAGEBOT_TEST_DATABASE", ""))
                && postgresAvailable();
    }

    /** True when a PostgreSQL server for tests is given (ENGAGEBOT_TEST_PG_URL). */
    public static boolean postgresAvailable() {
        String url = System.getenv("ENGAGEBOT_TEST_PG_URL");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** The datasource properties for one service: SQLite at dir/engagebot.db, or a new PostgreSQL database. */
    public static Map<String, Object> properties(Path dir) {
        return postgres() ? newPostgresDatabase() : Map.of("datasources.default.url", sqliteUrl(dir));
    }

    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("engagebot.db");
    }

    /** A new, empty PostgreSQL database (CREATE DATABASE on the test server), as service properties. */
    public static Map<String, Object> newPostgresDatabase() {
        String admin = System.getenv("ENGAGEBOT_TEST_PG_URL");
        String name = "eb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin, e);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", admin.substring(0, admin.lastIndexOf('/') + 1) + name);
        props.put("datasources.default.username", user());
        if (password() != null) {
            props.put("datasources.default.password", password());
        }
        return props;
    }

    private static String user() {
        return System.getenv().getOrDefault("ENGAGEBOT_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return System.getenv("ENGAGEBOT_TEST_PG_PASSWORD");
    }
}
