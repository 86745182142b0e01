package org.engagebot.platform;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.engagebot.platform.BundledMigrations.Migration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Migrates the default database with Flyway as its pool is created, before any bean can use it: db/migration on
 * SQLite, db/postgresql on PostgreSQL. When the schema history already lists exactly the bundled migrations (same
 * versions, descriptions and checksums, none failed), Flyway would find nothing to apply and nothing to reject, so
 * it is not run: one query instead of Flyway's set-up, plugin loading and classpath scan on every start. Any
 * difference (a new migration, an edited one, a failed row, a history Flyway has not written yet) runs Flyway as
 * before, which applies or stops start-up with its own message.
 */
@Singleton
class SchemaMigration implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final Dialect dialect;
    private final DataSourceResolver resolver;

    SchemaMigration(Dialect dialect, @Nullable DataSourceResolver resolver) {
        this.dialect = dialect;
        this.resolver = resolver == null ? DataSourceResolver.DEFAULT : resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        boolean isDefault = !(event.getBeanDefinition() instanceof NameResolver named)
                || named.resolveName().map("default"::equals).orElse(true);
        if (isDefault) {
            migrate(resolver.resolve(dataSource));
        }
        return dataSource;
    }

    void migrate(DataSource dataSource) {
        String location = dialect.postgres() ? DatabaseSetup.POSTGRESQL_MIGRATIONS : DatabaseSetup.SQLITE_MIGRATIONS;
        String folder = location.substring("classpath:".length());
        Optional<List<Migration>> bundled = BundledMigrations.in(getClass().getClassLoader(), folder);
        if (bundled.isPresent() && upToDate(dataSource, bundled.get())) {
            LOG.info("Schema up to date ({} migrations): Flyway not needed", bundled.get().size());
            return;
        }
        LOG.info("Running migrations from {}", location);
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations(location)
                .load().migrate();
    }

    /** True when the history's successful versioned migrations are exactly these, and no row failed. */
    static boolean upToDate(DataSource dataSource, List<Migration> bundled) {
        Set<Migration> applied = new HashSet<>();
        int rows = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, type, checksum, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                String type = rs.getString(3);
                if ("SCHEMA".equals(type)) {
                    continue; // the row Flyway writes when it created the PostgreSQL schema itself
                }
                int checksum = rs.getInt(4);
                boolean noChecksum = rs.wasNull();
                if (noChecksum || !rs.getBoolean(5) || !"SQL".equals(type) || rs.getString(1) == null) {
                    return false;
                }
                applied.add(new Migration(rs.getString(1), rs.getString(2), checksum));
                rows++;
            }
        } catch (SQLException e) {
            return false; // no history table yet: a new database
        }
        return rows == bundled.size() && applied.equals(new HashSet<>(bundled));
    }
}
