package org.engagebot.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import java.util.Properties;

/**
 * One URL picks the database (README, Running on PostgreSQL). application.yml describes SQLite; when
 * datasources.default.url is jdbc:postgresql:… this drops the SQLite driver properties (journal mode, pragmas)
 * from the pool, and SchemaMigration runs the PostgreSQL translation of the migrations (db/postgresql, same
 * versions).
 * The driver class follows from the URL (no driver-class-name in application.yml).
 */
@Factory
class DatabaseSetup {
    static final String SQLITE_MIGRATIONS = "classpath:db/migration";
    static final String POSTGRESQL_MIGRATIONS = "classpath:db/postgresql";
    static final int POSTGRESQL_POOL = 16;

    @Singleton
    Dialect dialect(@Value("${datasources.default.url:jdbc:sqlite:./data/engagebot.db}") String url) {
        return Dialect.of(url);
    }

    /** Db and SchemaMigration use the pool itself; no module wraps it (no Micronaut Data), so nothing to unwrap. */
    @Singleton
    @Requires(missingBeans = DataSourceResolver.class)
    DataSourceResolver dataSourceResolver() {
        return DataSourceResolver.DEFAULT;
    }

    @Singleton
    BeanCreatedEventListener<DatasourceConfiguration> poolForDialect() {
        return (BeanCreatedEvent<DatasourceConfiguration> event) -> {
            DatasourceConfiguration config = event.getBean();
            if (Dialect.of(config.getUrl()).postgres()) {
                // the SQLite pragmas in application.yml mean nothing to PostgreSQL's driver
                config.setDataSourceProperties(new Properties());
                config.setConnectionInitSql(null);
                // writers run side by side on PostgreSQL (no JVM writer lock, Transactions): a pool of SQLite's
                // size (4) would queue them again; kept if the operator set a larger one
                if (config.getMaximumPoolSize() < POSTGRESQL_POOL) {
                    config.setMaximumPoolSize(POSTGRESQL_POOL);
                }
            }
            return config;
        };
    }
}
