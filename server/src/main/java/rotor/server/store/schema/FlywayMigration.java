package rotor.server.store.schema;

import io.micronaut.core.annotation.Nullable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;

/** Flyway's migrate with its defaults: scripts from classpath:db/migration, validated first, under Flyway's lock. */
final class FlywayMigration {

    private FlywayMigration() {
    }

    static void migrate(DataSource dataSource, @Nullable String schema) {
        FluentConfiguration configuration = Flyway.configure(FlywayMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        if (schema != null) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }
}
