package rotor.server.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin credential: rotor.admin.token (ROTOR_ADMIN_TOKEN), or, with neither set, one
 * generated at start and printed once on standard output, so that the README's run command
 * works with nothing configured.
 */
@Singleton
public class AdminToken {

    private final byte[] expectedDigest;
    private final String generated;

    public AdminToken(@Nullable @Value("${rotor.admin.token}") String configured) {
        if (configured != null && !configured.isBlank()) {
            this.generated = null;
            this.expectedDigest = digest(configured);
        } else {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.generated = "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            this.expectedDigest = digest(generated);
        }
    }

    /** Constant-time: digests of equal length are compared, so neither content nor length leaks. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    @EventListener
    void announce(StartupEvent event) {
        if (generated != null) {
            System.out.println("rotor: no ROTOR_ADMIN_TOKEN configured; this run's admin token is " + generated);
        }
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
