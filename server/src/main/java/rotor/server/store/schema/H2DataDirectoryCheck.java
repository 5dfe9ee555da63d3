package rotor.server.store.schema;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import rotor.server.keys.DataDirectory;

/**
 * Before the pool opens the default H2 store (jdbc:h2:file:${rotor.data-dir}/rotor;...), and before
 * {@link FreshStoreFromTemplate} puts a template there, the data directory must be one H2 can use:
 * - no ';' in it: H2 reads everything after one as its settings, so "/srv/x;INIT=..." would have
 *   H2 run the INIT's SQL when the pool opens;
 * - a directory rotor can create and write ({@link DataDirectory#create}): otherwise H2 fails with
 *   a stack trace of its own on standard error (it cannot write its trace file either) before
 *   rotor can say what is wrong.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class H2DataDirectoryCheck implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final DataDirectory dataDirectory;

    public H2DataDirectoryCheck(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration store = event.getBean();
        String url = store.getUrl();
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return store;
        }
        if (dataDirectory.path().toString().indexOf(';') >= 0) {
            throw new IllegalStateException(DataDirectory.SETTING + " must not contain ';': H2 would read what follows it as settings of the store's URL");
        }
        dataDirectory.create();
        return store;
    }
}
