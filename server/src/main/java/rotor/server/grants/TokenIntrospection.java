package rotor.server.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshTokenHashes;
import rotor.server.engine.RotationRules.GrantState;
import rotor.server.keys.PresentedJwts;
import rotor.server.keys.StoredKeySignature;
import rotor.server.store.GrantRecord;
import rotor.server.store.GrantRepository;
import rotor.server.store.RefreshTokenRecord;
import rotor.server.store.RefreshTokenRepository;

import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a presented token is (RFC 7662): a refresh token of the store, or an access token signed by
 * this server, and the grant it belongs to. A token is active only while it and its grant are live.
 */
@Singleton
public class TokenIntrospection {

    public enum Kind { REFRESH_TOKEN, ACCESS_TOKEN }

    /** A token traced to its grant; exp, iat, jti and scope as the token itself has them. */
    public record Traced(Kind kind, GrantRecord grant, @Nullable String scope, Instant issuedAt, Instant expiresAt,
                         @Nullable String jti, boolean spent) {
    }

    private final RefreshTokenRepository tokens;
    private final GrantRepository grants;
    private final RefreshTokenHashes hashes;
    private final StoredKeySignature signature;
    private final GrantHistory history;

    public TokenIntrospection(RefreshTokenRepository tokens, GrantRepository grants, RefreshTokenHashes hashes,
                              StoredKeySignature signature, GrantHistory history) {
        this.tokens = tokens;
        this.grants = grants;
        this.hashes = hashes;
        this.signature = signature;
        this.history = history;
    }

    /** The token's facts, when it is active now. */
    public Optional<Traced> active(String token, Instant now) {
        return trace(token).filter(t -> !t.spent() && now.isBefore(t.expiresAt())
                && history.stateOf(t.grant(), now) == GrantState.ACTIVE);
    }

    /**
     * The token's facts, when it is active now and was issued to the given OAuth client. RFC 7662
     * section 2.2: "If the introspection call is properly authorized but the token is not active,
     * does not exist on this server, or the protected resource is not allowed to introspect this
     * particular token, then the authorization server MUST return an introspection response with
     * the "active" field set to "false"." A client may introspect only its own tokens, so that the
     * endpoint is no oracle for other clients' or other dialects' tokens (RFC 7662 section 4: "To
     * prevent token scanning attacks ...").
     */
    public Optional<Traced> activeFor(String token, String clientId, Instant now) {
        return active(token, now).filter(t -> issuedTo(t, clientId));
    }

    /**
     * The grant of a token issued to the given OAuth client, live or not. RFC 7009 section 2.1: "The
     * authorization server first validates the client credentials ... and then verifies whether the
     * token was issued to the client making the revocation request."
     */
    public Optional<Traced> traceFor(String token, String clientId) {
        return trace(token).filter(t -> issuedTo(t, clientId));
    }

    /**
     * The grant a token belongs to, live or not, spent or not: what revocation needs. Refresh
     * tokens are found by hash; an access token counts only with a valid signature of ours.
     */
    public Optional<Traced> trace(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<RefreshTokenRecord> refresh = hashes.lookups(token).stream().map(tokens::findById)
                .flatMap(Optional::stream).findFirst();
        if (refresh.isPresent()) {
            RefreshTokenRecord r = refresh.get();
            return grants.findById(r.grantId()).map(grant -> new Traced(Kind.REFRESH_TOKEN, grant, r.scope(), r.issuedAt(),
                    r.expiresAt(), null, r.usedAt() != null));
        }
        return accessToken(token);
    }

    /** Only oauth2 grants belong to a client; one of another dialect that names a client (stored before the admin API refused it) is no client's. */
    private static boolean issuedTo(Traced traced, String clientId) {
        return clientId != null && clientId.equals(traced.grant().clientId()) && Dialect.OAUTH2.wireName().equals(traced.grant().dialect());
    }

    private Optional<Traced> accessToken(String token) {
        try {
            if (!(PresentedJwts.parse(token).orElse(null) instanceof SignedJWT jwt)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!signature.verify(jwt) || claims.getStringClaim("gid") == null || "refresh".equals(claims.getClaim("token_type"))
                    || claims.getExpirationTime() == null || claims.getIssueTime() == null) {
                return Optional.empty();
            }
            UUID grantId = UUID.fromString(claims.getStringClaim("gid"));
            return grants.findById(grantId).map(grant -> new Traced(Kind.ACCESS_TOKEN, grant, scopeOf(claims),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(), claims.getJWTID(), false));
        } catch (ParseException | JOSEException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static String scopeOf(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String s ? s : null;
    }
}
