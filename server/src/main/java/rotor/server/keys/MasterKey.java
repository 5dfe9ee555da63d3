package rotor.server.keys;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The AES-256 key that seals every secret at rest. It comes from rotor.master-key
 * (ROTOR_MASTER_KEY, base64 of 32 bytes); without one, a development key is generated once into
 * the data directory, with a warning, so that the README's run command needs no configuration.
 * Instances that share a store must share this key.
 */
@Singleton
public class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final String FILE_NAME = "master.key";

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final SecretKey key;

    public MasterKey(@Nullable @Value("${rotor.master-key}") String configured, DataDirectory dataDirectory) {
        this.key = new SecretKeySpec(configured != null ? decode(configured) : developmentKey(dataDirectory.resolve(FILE_NAME)), "AES");
    }

    SecretKey secretKey() {
        return key;
    }

    /**
     * A 256-bit key of its own for one purpose, derived from this key (HMAC-SHA256 as the PRF of
     * NIST SP 800-108), so that no two uses share key material and none reveals this key.
     */
    public byte[] derive(String purpose) {
        try {
            Mac prf = Mac.getInstance("HmacSHA256");
            prf.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return prf.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rotor.master-key must be base64 (32 bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("rotor.master-key must be 32 bytes, base64-encoded; it is " + bytes.length);
        }
        return bytes;
    }

    private static byte[] developmentKey(Path file) {
        try {
            if (Files.exists(file)) {
                tightenIfLoose(file);
                return readDevelopmentKey(file);
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            // Written whole beside it, then renamed: a crash or a full disk never leaves a half-written key behind.
            Path written = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(written);
            createForOwnerOnly(written);
            Files.writeString(written, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("No rotor.master-key (ROTOR_MASTER_KEY) is configured: generated a development master key in {}. "
                    + "Configure a key of your own before this store holds anything you care about.", file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the development master key " + file, e);
        }
    }

    /** A key file that others may read (written by an earlier version, or copied in) is made its owner's alone. */
    private static void tightenIfLoose(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                LOG.warn("The development master key {} was readable by others ({}): made rw-------. Whoever read it can "
                        + "unseal this store's secrets", file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the directory's permissions.
        }
    }

    private static byte[] readDevelopmentKey(Path file) throws IOException {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalStateException notAKey) {
            // Never "delete it": every secret in the store is sealed with this key.
            throw new IllegalStateException("the development master key " + file + " is not 32 bytes of base64; restore it "
                    + "from a backup (the store's secrets are sealed with it), or configure rotor.master-key", notAKey);
        }
    }

    /** Created readable by its owner only, before the key is in it: never a moment under the umask's permissions. */
    private static void createForOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the directory's permissions.
            Files.createFile(file);
        }
    }
}
