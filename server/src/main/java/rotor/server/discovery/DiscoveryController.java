package rotor.server.discovery;

import com.nimbusds.jose.jwk.JWK;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.Issuer;
import rotor.server.api.oauth2.DiscoveryApi;
import rotor.server.api.oauth2.model.AuthorizationServerMetadata;
import rotor.server.api.oauth2.model.JsonWebKey;
import rotor.server.api.oauth2.model.JsonWebKeySet;
import rotor.server.keys.SigningKeys;
import rotor.server.keys.StoredKeySignature;

import java.util.List;
import java.util.Map;

/** The key set (RFC 7517) and the authorization server metadata (RFC 8414). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class DiscoveryController implements DiscoveryApi {

    private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private final StoredKeySignature keys;
    private final Issuer issuer;
    private final String keySetCacheControl;

    public DiscoveryController(StoredKeySignature keys, SigningKeys signingKeys, Issuer issuer) {
        this.keys = keys;
        this.issuer = issuer;
        // A new key is published one refresh interval before it signs: a verifier that caches the
        // set no longer than that knows every key before it sees a token signed with it.
        this.keySetCacheControl = "public, max-age=" + signingKeys.refreshInterval().toSeconds();
    }

    /** Answered from the keys in memory: no database work on the event loop. */
    @Override
    public HttpResponse<JsonWebKeySet> jwks() {
        List<JsonWebKey> published = keys.retrieveJsonWebKeys().stream().map(DiscoveryController::toModel).toList();
        return HttpResponse.ok(new JsonWebKeySet(published)).header("Cache-Control", keySetCacheControl);
    }

    /**
     * Every endpoint is stated under the configured issuer, never under the request's Host or
     * X-Forwarded-* headers, which any caller sets: a client that discovers its endpoints would
     * otherwise send its secret and refresh tokens wherever a forged header (or a cache that kept
     * the answer to one) pointed it. RFC 8414 section 3.3: the issuer must be the URL the metadata
     * was fetched under, so a deployment behind a proxy configures its public URL as rotor.issuer.
     */
    @Override
    public HttpResponse<AuthorizationServerMetadata> metadata() {
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(issuer.url(), issuer.resolve("/oauth2/token"),
                issuer.resolve("/.well-known/jwks.json"), List.of("refresh_token"), List.of());
        metadata.setRevocationEndpoint(issuer.resolve("/oauth2/revoke"));
        metadata.setIntrospectionEndpoint(issuer.resolve("/oauth2/introspect"));
        metadata.setTokenEndpointAuthMethodsSupported(CLIENT_AUTH_METHODS);
        metadata.setRevocationEndpointAuthMethodsSupported(CLIENT_AUTH_METHODS);
        metadata.setIntrospectionEndpointAuthMethodsSupported(CLIENT_AUTH_METHODS);
        return HttpResponse.ok(metadata);
    }

    private static JsonWebKey toModel(JWK jwk) {
        Map<String, Object> json = jwk.toPublicJWK().toJSONObject();
        JsonWebKey key = new JsonWebKey((String) json.get("kty"));
        key.setKid((String) json.get("kid"));
        key.setUse((String) json.get("use"));
        key.setAlg((String) json.get("alg"));
        key.setCrv((String) json.get("crv"));
        key.setX((String) json.get("x"));
        key.setY((String) json.get("y"));
        key.setN((String) json.get("n"));
        key.setE((String) json.get("e"));
        return key;
    }
}
