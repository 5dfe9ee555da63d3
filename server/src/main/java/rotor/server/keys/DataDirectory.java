package rotor.server.keys;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where rotor keeps its files: rotor.data-dir, from ROTOR_DATA_DIR, ./data by default. */
@Singleton
public class DataDirectory {

    /** How an operator names it, for the messages of a start that fails on it. */
    public static final String SETTING = "rotor.data-dir (ROTOR_DATA_DIR)";

    private final Path path;
    /** Set once create() has succeeded: the start's several users (the H2 check, the master key) look once. */
    private volatile boolean created;

    public DataDirectory(@Value("${rotor.data-dir:./data}") String path) {
        this.path = Path.of(path).toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return create().resolve(name);
    }

    /**
     * The directory, created if it is not there yet, and writable; else a failure an operator reads
     * in one line: the setting, the path and the file system's reason ("Not a directory").
     */
    public Path create() {
        if (created) {
            return path;
        }
        try {
            Files.createDirectories(path);
        } catch (IOException | SecurityException failed) {
            throw new IllegalStateException(SETTING + " " + path + " cannot be created: " + why(failed));
        }
        if (!Files.isWritable(path)) {
            throw new IllegalStateException(SETTING + " " + path + " is not writable by this process");
        }
        created = true;
        return path;
    }

    /** The file system's reason, with the path it names when that is another one. */
    private String why(Exception failed) {
        if (failed instanceof FileSystemException fs) {
            String at = fs.getFile() == null || Path.of(fs.getFile()).equals(path) ? "" : " (" + fs.getFile() + ")";
            return (fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName()) + at;
        }
        return failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
    }
}
