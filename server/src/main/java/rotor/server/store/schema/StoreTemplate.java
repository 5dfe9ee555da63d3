package rotor.server.store.schema;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * An empty H2 store already at the newest migration, made by the build (see {@link MakeStoreTemplate})
 * and packaged at classpath:store-template. A start on a data directory with no store copies it instead
 * of creating the store through Flyway: on JDK 17 Flyway's classes and the eight scripts take about
 * 900 ms of a first start, and the archive of rotor's classes leaves Flyway out (bin/record-class-archive).
 *
 * <p>The template is used only for the store it was made for: the same H2 URL apart from the file's
 * path, the same user and no password. Anything else (PostgreSQL, other H2 settings, a schema of
 * rotor.store.schema's) goes through Flyway as before.
 */
final class StoreTemplate {

    static final String STORE_FILE = "rotor.mv.db";
    static final String SHAPE_FILE = "store-template.properties";

    private static final String RESOURCE_DIRECTORY = "store-template";
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String PATH_PLACEHOLDER = "{path}";

    private StoreTemplate() {
    }

    /** What the template records of the store it was made for. */
    static Properties shape(String url, String username, String version) {
        Properties shape = new Properties();
        shape.setProperty("url", withoutPath(url).orElseThrow(() -> new IllegalArgumentException("not an H2 file URL: " + url)));
        shape.setProperty("username", username);
        shape.setProperty("version", version);
        return shape;
    }

    /**
     * Puts the packaged template where the configured store would be, when that store does not exist
     * yet and is the one the template was made for. A restart only checks that its store file exists.
     *
     * @return whether the store now is a copy of the template
     */
    static boolean copyIfFresh(@Nullable String url, @Nullable String username, @Nullable String password) {
        Optional<String> shapeOfUrl = url == null ? Optional.empty() : withoutPath(url);
        if (shapeOfUrl.isEmpty() || (password != null && !password.isEmpty())) {
            return false;
        }
        Path store = Path.of(path(url) + ".mv.db").toAbsolutePath();
        if (Files.exists(store) || !madeFor(shapeOfUrl.get(), username)) {
            return false;
        }
        try {
            Files.createDirectories(store.getParent());
            Path copy = Files.createTempFile(store.getParent(), "rotor-store-template", ".tmp");
            try {
                try (InputStream in = resource(STORE_FILE)) {
                    if (in == null) {
                        return false;
                    }
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                // A link is made whole or not at all, and never over a store that appeared meanwhile.
                Files.createLink(store, copy);
                return true;
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException | UnsupportedOperationException cannot) {
            // A store that appeared meanwhile (FileAlreadyExistsException) is left as it is; for any
            // other failure Flyway creates the store, as it does without a template.
            return false;
        }
    }

    /** Whether the build packaged a template at the newest migration for this URL shape and user. */
    private static boolean madeFor(String urlShape, @Nullable String username) {
        try (InputStream in = resource(SHAPE_FILE)) {
            if (in == null) {
                return false;
            }
            Properties shape = new Properties();
            shape.load(in);
            return urlShape.equals(shape.getProperty("url")) && Objects.equals(username, shape.getProperty("username"))
                    && SchemaMigrations.LATEST_VERSION.equals(shape.getProperty("version"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The URL with the store's path replaced by a placeholder; none for a URL that is not an H2 file's, or one in the home directory. */
    private static Optional<String> withoutPath(String url) {
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String path = path(url);
        if (path.isEmpty() || path.startsWith("~")) {
            return Optional.empty();
        }
        return Optional.of(H2_FILE + PATH_PLACEHOLDER + url.substring(H2_FILE.length() + path.length()));
    }

    private static String path(String url) {
        String rest = url.substring(H2_FILE.length());
        int settings = rest.indexOf(';');
        return settings < 0 ? rest : rest.substring(0, settings);
    }

    @Nullable
    private static InputStream resource(String name) {
        return StoreTemplate.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + "/" + name);
    }
}
