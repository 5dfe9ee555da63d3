package rotor.server.keys;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 of a high-entropy secret (refresh token, API key, client secret), the only form in which
 * it is stored and looked up. Lookup by an indexed hash compares no secret in Java, so there is no
 * timing to leak; the plaintext itself never reaches the database. (256 random bits need no slow
 * password hash: there is nothing to guess.)
 */
@Singleton
public class SecretHasher {

    public String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
