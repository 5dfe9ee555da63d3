package rotor.server.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The admin credential: rotor.admin.token (ROTOR_ADMIN_TOKEN), or, with neither set, one
 * generated at start and printed once on standard output, so that the README's run command
 * works with nothing configured.
 */
@Singleton
public class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    /** The generated token's strength, 256 random bits, is 43 base64 characters; fewer than 32 of any kind is guessable in principle. */
    static final int ADVISED_LENGTH = 32;

    private final byte[] expectedDigest;
    /** The token as characters, and its UTF-8 bytes as characters (a path's %XX escapes decode to those). */
    private final List<char[]> forms;
    private final String generated;
    private final int configuredLength;

    public AdminToken(@Nullable @Value("${rotor.admin.token}") String setting) {
        // Whitespace around the value (the newline of a token read from a file or a Kubernetes
        // secret) could never be presented: RFC 9110 section 5.5 strips it from every field value.
        String configured = setting == null ? null : setting.strip();
        if (configured != null && !configured.isEmpty()) {
            this.generated = null;
            this.expectedDigest = digest(configured);
            this.configuredLength = configured.length();
        } else {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.generated = "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            this.expectedDigest = digest(generated);
            this.configuredLength = 0;
        }
        String token = generated != null ? generated : configured;
        char[] bytes = new String(token.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).toCharArray();
        this.forms = Arrays.equals(bytes, token.toCharArray()) ? List.of(bytes) : List.of(token.toCharArray(), bytes);
    }

    /** Constant-time: digests of equal length are compared, so neither content nor length leaks. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    /**
     * Where the admin token occurs in the text, as [start, end) spans, for the request log to leave
     * out. Every window is compared in full, with no early exit, so the time depends on the lengths
     * alone and not on how much of the token a request guessed.
     */
    public List<int[]> occurrencesIn(CharSequence text) {
        List<int[]> found = List.of(); // most paths are shorter than the token: no window, nothing to allocate
        for (char[] form : forms) {
            for (int start = 0; start + form.length <= text.length(); start++) {
                int difference = 0;
                for (int i = 0; i < form.length; i++) {
                    difference |= text.charAt(start + i) ^ form[i];
                }
                if (difference == 0) {
                    found = found.isEmpty() ? new ArrayList<>() : found;
                    found.add(new int[] {start, start + form.length});
                }
            }
        }
        return found;
    }

    @EventListener
    void announce(StartupEvent event) {
        if (generated != null) {
            System.out.println("rotor: no ROTOR_ADMIN_TOKEN configured; this run's admin token is " + generated);
        } else if (configuredLength < ADVISED_LENGTH) {
            // The admin token guards every grant and secret; the walk-through's "change-me" is no production credential.
            LOG.warn("rotor.admin.token (ROTOR_ADMIN_TOKEN) has only {} characters: configure at least {} random ones "
                    + "(openssl rand -base64 32) before this server is reachable by anyone else", configuredLength, ADVISED_LENGTH);
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
