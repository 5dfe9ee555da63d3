package rotor.server.keys;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.util.Optional;

/**
 * Parses a value that a caller presents as a JWT, on paths no credential guards. Nimbus's parser
 * promises ParseException, but a header that is JSON null, or a JWE header with null members,
 * makes it throw NullPointerException (HostileJoseValuesAreNoTokensSpec): either way the value is
 * not a JWT, and must never become a 500.
 */
public final class PresentedJwts {

    private PresentedJwts() {
    }

    /** The value as a JWT, or empty when it is not one. */
    public static Optional<JWT> parse(String value) {
        try {
            return Optional.of(JWTParser.parse(value));
        } catch (ParseException | RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    /** The value's claims, or empty when it is not a JWT or its claims cannot be read (an encrypted JWT). */
    public static Optional<JWTClaimsSet> claims(String value) {
        return parse(value).flatMap(jwt -> {
            try {
                return Optional.ofNullable(jwt.getJWTClaimsSet());
            } catch (ParseException | RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }
}
