package rotor.server.store.schema;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Makes the {@link StoreTemplate}: an H2 store migrated by Flyway from db/migration, over the URL of the
 * packaged configuration (application.yml, not the build machine's environment), compacted and closed.
 * The server's build runs it (exec:java in process-classes) into target/classes/store-template.
 *
 * <p>Usage: {@code MakeStoreTemplate <directory>}
 */
public final class MakeStoreTemplate {

    private MakeStoreTemplate() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MakeStoreTemplate <directory>");
        }
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("rotor-store-template");
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .properties(Map.of("rotor.data-dir", work.toString()))
                .build()) {
            Environment configuration = context.getEnvironment().start();
            String url = configuration.getRequiredProperty("datasources.default.url", String.class);
            String username = configuration.getRequiredProperty("datasources.default.username", String.class);
            String password = configuration.getProperty("datasources.default.password", String.class).orElse("");
            if (!password.isEmpty()) {
                throw new IllegalStateException("the packaged store has a password: a template would have to carry it");
            }
            migrate(url, username);
            Files.createDirectories(out);
            Files.copy(work.resolve(StoreTemplate.STORE_FILE), out.resolve(StoreTemplate.STORE_FILE), StandardCopyOption.REPLACE_EXISTING);
            Properties shape = StoreTemplate.shape(url, username, SchemaMigrations.LATEST_VERSION);
            try (OutputStream file = Files.newOutputStream(out.resolve(StoreTemplate.SHAPE_FILE))) {
                shape.store(file, "The store rotor.mv.db beside this file was made for (see rotor.server.store.schema.StoreTemplate)");
            }
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }

    private static void migrate(String url, String username) throws SQLException {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(url);
        store.setUser(username);
        store.setPassword("");
        FlywayMigration.migrate(store, null);
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }
}
