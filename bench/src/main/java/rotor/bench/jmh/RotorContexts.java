package rotor.bench.jmh;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server's beans over a real store, without HTTP, as server/src/test/.../support/Store.groovy
 * starts them: H2 in file mode exactly as application.yml configures it (a fresh data directory),
 * or a PostgreSQL started from the embedded binaries the server's specs use.
 */
final class RotorContexts implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final ApplicationContext context;

    private RotorContexts(Path dataDir, EmbeddedPostgres postgres, ApplicationContext context) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.context = context;
    }

    static RotorContexts h2() {
        Path dir = tempDir();
        return new RotorContexts(dir, null, start(Map.of("rotor.data-dir", dir.toString())));
    }

    static RotorContexts postgres() {
        Path dir = tempDir();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Map<String, Object> properties = new HashMap<>();
            properties.put("rotor.data-dir", dir.toString());
            properties.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
            properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            properties.put("datasources.default.username", "postgres");
            properties.put("datasources.default.password", "postgres");
            return new RotorContexts(dir, postgres, start(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    static RotorContexts of(String store) {
        return switch (store) {
            case "h2" -> h2();
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException("store h2 or postgres, not " + store);
        };
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false) // the server's own configuration, no test or cloud environment
                .properties(properties)
                .start();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rotor-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
