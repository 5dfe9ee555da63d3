package rotor.server.store.schema;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import jakarta.inject.Singleton;

/**
 * The default store's URL is jdbc:h2:file:${rotor.data-dir}/rotor;..., and H2 reads everything
 * after a ';' as its settings: a data directory "/srv/x;INIT=..." would have H2 run the INIT's SQL
 * when the pool opens. Such a directory stops the start before any connection is made, and before
 * {@link FreshStoreFromTemplate} puts a template at the path H2 would have read.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataDirectoryIsNoH2Setting implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final String dataDirectory;

    public DataDirectoryIsNoH2Setting(@Value("${rotor.data-dir:./data}") String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration store = event.getBean();
        String url = store.getUrl();
        if (url != null && url.startsWith("jdbc:h2:") && dataDirectory.indexOf(';') >= 0) {
            throw new IllegalStateException("rotor.data-dir (ROTOR_DATA_DIR) must not contain ';': H2 would read what follows it as settings of the store's URL");
        }
        return store;
    }
}
