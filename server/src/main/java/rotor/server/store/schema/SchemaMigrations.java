package rotor.server.store.schema;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Brings the store to the schema of the migrations in db/migration before anything else uses the
 * data source, and does nothing more when it is there already.
 *
 * <p>Flyway itself costs about 300 ms and 1,000 loaded classes on every start, even with nothing to
 * migrate (its configuration, plugin registry and Jackson), a fifth of rotor's start and several MiB
 * of its idle footprint. So a start first reads the newest row of Flyway's history; only a store
 * that is not at {@link #LATEST_VERSION}, or whose last migration failed, goes through Flyway, which
 * then migrates, validates and takes its lock as it always has. What a current store gives up is
 * Flyway's re-check of the applied scripts' checksums on every start.
 */
@Singleton
public class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    /** The version of the newest script in db/migration; a spec fails when a newer script is added without it. */
    public static final String LATEST_VERSION = "10";

    @Nullable
    private final String schema;
    private final DataSourceResolver resolver;

    /**
     * @param schema the schema that holds rotor's tables (and Flyway's history), created if missing;
     *               without one, the connection's default schema
     */
    public SchemaMigrations(@Nullable @Value("${rotor.store.schema:}") String schema, @Nullable DataSourceResolver resolver) {
        this.schema = schema == null || schema.isBlank() ? null : schema;
        this.resolver = resolver == null ? DataSourceResolver.DEFAULT : resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // Micronaut Data has wrapped the pool in a proxy by now, whose connections need a running context.
        DataSource pool = resolver.resolve(event.getBean());
        if (!SchemaHistory.of(pool, schema).isAt(LATEST_VERSION)) {
            // A class of its own: a current store never loads Flyway.
            FlywayMigration.migrate(pool, schema);
        }
        return event.getBean();
    }
}
