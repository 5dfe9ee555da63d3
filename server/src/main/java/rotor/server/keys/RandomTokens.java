package rotor.server.keys;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and secrets from the platform's CSPRNG, each behind a prefix that says what it is. */
@Singleton
public class RandomTokens {

    private final SecureRandom random = new SecureRandom();

    /** 256 random bits: for secrets (refresh tokens, API keys, client secrets). */
    public String secret(String prefix) {
        return prefix + base64url(32);
    }

    /** 96 random bits: for public identifiers (client ids, connection ids). */
    public String identifier(String prefix) {
        return prefix + base64url(12);
    }

    private String base64url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
