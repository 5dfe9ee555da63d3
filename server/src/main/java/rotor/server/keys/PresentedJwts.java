package rotor.server.keys;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.util.Map;
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

    /**
     * Whether a value the parser refused is still shaped as a signed JWT (RFC 7515 section 7.1:
     * three dot-separated parts, the first a JSON object naming an "alg"): "alg": "none" with a
     * signature kept, or "None" with none at all. Such a value is a JWT that does not verify, not
     * a value that is no JWT at all.
     */
    public static boolean signedInShape(String value) {
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || value.indexOf('.', second + 1) >= 0) {
            return false;
        }
        try {
            Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(value.substring(0, first)).decodeToString());
            return header.get("alg") instanceof String;
        } catch (ParseException | RuntimeException notAHeader) {
            return false;
        }
    }
}
