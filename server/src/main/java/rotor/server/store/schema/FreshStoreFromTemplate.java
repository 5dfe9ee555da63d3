package rotor.server.store.schema;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the pool opens a store that does not exist yet, puts the build's {@link StoreTemplate} there,
 * so that {@link SchemaMigrations} finds it at the newest migration and leaves Flyway out of a first
 * start too. rotor.store.template (ROTOR_STORE_TEMPLATE) false creates every store through Flyway.
 */
@Singleton
public class FreshStoreFromTemplate implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(FreshStoreFromTemplate.class);

    private final boolean enabled;

    public FreshStoreFromTemplate(@Value("${rotor.store.template:true}") boolean enabled,
                                  @Nullable @Value("${rotor.store.schema:}") String schema) {
        // Flyway creates a schema of rotor.store.schema's itself; the template holds the default one.
        this.enabled = enabled && (schema == null || schema.isBlank());
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration store = event.getBean();
        if (enabled && StoreTemplate.copyIfFresh(store.getUrl(), store.getUsername(), store.getPassword())) {
            LOG.info("Created a new store from the packaged template (schema version {})", SchemaMigrations.LATEST_VERSION);
        }
        return store;
    }
}
