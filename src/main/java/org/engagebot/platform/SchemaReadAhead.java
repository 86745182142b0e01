package org.engagebot.platform;

/**
 * The slow half of start-up's migration check ({@link SchemaMigration}), reading the bundled migrations out of the
 * jar, started before the application context so that it runs on the second core while the context is built.
 */
public final class SchemaReadAhead {
    private SchemaReadAhead() {
    }

    /** Registers the read for the database this URL names; run the result on another thread. */
    public static Runnable forUrl(String jdbcUrl) {
        String location = Dialect.of(jdbcUrl).postgres() ? DatabaseSetup.POSTGRESQL_MIGRATIONS : DatabaseSetup.SQLITE_MIGRATIONS;
        return BundledMigrations.readAhead(SchemaReadAhead.class.getClassLoader(), location.substring("classpath:".length()));
    }
}
