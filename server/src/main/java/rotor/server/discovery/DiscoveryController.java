package rotor.server.discovery;

import com.nimbusds.jose.jwk.JWK;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.oauth2.DiscoveryApi;
import rotor.server.api.oauth2.model.AuthorizationServerMetadata;
import rotor.server.api.oauth2.model.JsonWebKey;
import rotor.server.api.oauth2.model.JsonWebKeySet;
import rotor.server.keys.StoredKeySignature;

import java.util.List;
import java.util.Map;

/** The key set (RFC 7517) and the authorization server metadata (RFC 8414). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class DiscoveryController implements DiscoveryApi {

    private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private final StoredKeySignature keys;
    private final HttpHostResolver hosts;
    private final String issuer;

    public DiscoveryController(StoredKeySignature keys, HttpHostResolver hosts, @Value("${rotor.issuer}") String issuer) {
        this.keys = keys;
        this.hosts = hosts;
        this.issuer = issuer;
    }

    @Override
    public HttpResponse<JsonWebKeySet> jwks() {
        List<JsonWebKey> published = keys.retrieveJsonWebKeys().stream().map(DiscoveryController::toModel).toList();
        // Verifiers may cache the set briefly; a rotation keeps the old key published meanwhile.
        return HttpResponse.ok(new JsonWebKeySet(published)).header("Cache-Control", "public, max-age=300");
    }

    @Override
    public HttpResponse<AuthorizationServerMetadata> metadata() {
        String base = ServerRequestContext.currentRequest().map(hosts::resolve).orElse(issuer);
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(issuer, base + "/oauth2/token",
                base + "/.well-known/jwks.json", List.of("refresh_token"), List.of());
        metadata.setRevocationEndpoint(base + "/oauth2/revoke");
        metadata.setIntrospectionEndpoint(base + "/oauth2/introspect");
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
