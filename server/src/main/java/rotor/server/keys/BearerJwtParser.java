package rotor.server.keys;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JsonWebTokenEncryption;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.Optional;

/**
 * Micronaut Security's parser of Bearer values, which it runs on every request before any route,
 * guarded as rotor's own parsing is ({@link PresentedJwts}). Micronaut's own parser lets the
 * NullPointerException of a hostile JOSE header escape, which made such a header a 500 on every
 * route, for anyone (AHostileBearerValueIsNoCredentialSpec). A value that is no JWT is no credential.
 */
@Singleton
@Replaces(JsonWebTokenParser.class)
public final class BearerJwtParser implements JsonWebTokenParser<JWT> {

    private final JsonWebTokenEncryption<EncryptedJWT, SignedJWT> encryption;

    public BearerJwtParser(JsonWebTokenEncryption<EncryptedJWT, SignedJWT> encryption) {
        this.encryption = encryption;
    }

    /** As Micronaut's parser: an encrypted JWT is decrypted when an encryption is configured (rotor configures none). */
    @Override
    public Optional<JWT> parse(String token) {
        Optional<JWT> parsed = PresentedJwts.parse(token);
        if (parsed.isPresent() && parsed.get() instanceof EncryptedJWT encrypted) {
            try {
                return Optional.of(encryption.decrypt(encrypted).<JWT>map(signed -> signed).orElse(encrypted));
            } catch (RuntimeException undecryptable) {
                return Optional.empty();
            }
        }
        return parsed;
    }

    @Override
    public Optional<Claims> parseClaims(String token) {
        return parse(token).flatMap(jwt -> {
            try {
                // An encrypted JWT that was not decrypted has no claims to read.
                return Optional.ofNullable(jwt.getJWTClaimsSet()).map(JwtClaimsSetAdapter::new);
            } catch (ParseException | RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }
}
