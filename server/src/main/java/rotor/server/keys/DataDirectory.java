package rotor.server.keys;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where rotor keeps its files: rotor.data-dir, from ROTOR_DATA_DIR, ./data by default. */
@Singleton
public class DataDirectory {

    private final Path path;

    public DataDirectory(@Value("${rotor.data-dir:./data}") String path) {
        this.path = Path.of(path).toAbsolutePath().normalize();
    }

    public Path resolve(String name) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + path, e);
        }
        return path.resolve(name);
    }
}
