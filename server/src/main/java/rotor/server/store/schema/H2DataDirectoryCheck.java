package rotor.server.store.schema;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before the pool opens the default H2 store (jdbc:h2:file:${rotor.data-dir}/rotor;...), and before
 * {@link FreshStoreFromTemplate} puts a template there, the data directory must be one H2 can use:
 * - no ';' in it: H2 reads everything after one as its settings, so "/srv/x;INIT=..." would have
 *   H2 run the INIT's SQL when the pool opens;
 * - a directory rotor can create and write: otherwise H2 fails with a stack trace of its own on
 *   standard error (it cannot write its trace file either) before rotor can say what is wrong.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class H2DataDirectoryCheck implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String SETTING = "rotor.data-dir (ROTOR_DATA_DIR)";

    private final String dataDirectory;

    public H2DataDirectoryCheck(@Value("${rotor.data-dir:./data}") String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration store = event.getBean();
        String url = store.getUrl();
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return store;
        }
        if (dataDirectory.indexOf(';') >= 0) {
            throw new IllegalStateException(SETTING + " must not contain ';': H2 would read what follows it as settings of the store's URL");
        }
        Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException failed) {
            throw new IllegalStateException(SETTING + " " + directory + " cannot be created: " + why(failed, directory));
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException(SETTING + " " + directory + " is not writable by this process");
        }
        return store;
    }

    /** "Not a directory", "Permission denied": the file system's reason, with the path it names when that is another one. */
    private static String why(Exception failed, Path directory) {
        if (failed instanceof FileSystemException fs) {
            String at = fs.getFile() == null || Path.of(fs.getFile()).equals(directory) ? "" : " (" + fs.getFile() + ")";
            return (fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName()) + at;
        }
        return failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
    }
}
