package org.engagebot.platform;

/**
 * The SQL dialect of the configured database, read from datasources.default.url: SQLite (the default) or
 * PostgreSQL. Stores write portable SQL where there is one and ask this for the few forms that differ; each such
 * branch stays in the store that owns the statement.
 */
public enum Dialect {
    SQLITE, POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    public boolean postgres() {
        return this == POSTGRESQL;
    }
}
