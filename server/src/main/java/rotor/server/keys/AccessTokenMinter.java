package rotor.server.keys;

import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import rotor.server.Issuer;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Mints signed access-token JWTs through Micronaut Security JWT's token generator, with the claims
 * RFC 9068 section 2.2 requires (iss, exp, aud, sub, client_id where there is a client, iat, jti)
 * and rotor's tid and gid; the typ header at+jwt comes from {@link StoredKeySignature}.
 */
@Singleton
public class AccessTokenMinter {

    private final JwtTokenGenerator generator;
    private final Issuer issuer;

    public AccessTokenMinter(JwtTokenGenerator generator, Issuer issuer) {
        if (generator.getSignatureConfiguration() == null) {
            throw new IllegalStateException("Micronaut's JwtTokenGenerator has no signature: it would mint unsigned tokens");
        }
        this.generator = generator;
        this.issuer = issuer;
    }

    /**
     * @param extraClaims claims of one dialect (session's token_type), or of the grant (client_id)
     */
    public String mint(String audience, String subject, String tenant, String scope, UUID grantId, Instant issuedAt,
                       Instant expiresAt, Map<String, Object> extraClaims) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer.url());
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("tid", tenant);
        if (scope != null) {
            claims.put("scope", scope);
        }
        claims.put("iat", Date.from(issuedAt));
        claims.put("exp", Date.from(expiresAt));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("gid", grantId.toString());
        claims.putAll(extraClaims);
        return generator.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("the access token could not be signed"));
    }
}
