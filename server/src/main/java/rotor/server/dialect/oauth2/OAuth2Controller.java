package rotor.server.dialect.oauth2;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.oauth2.Oauth2Api;
import rotor.server.api.oauth2.model.IntrospectionResponse;
import rotor.server.api.oauth2.model.OAuthErrorError;
import rotor.server.api.oauth2.model.TokenResponse;
import rotor.server.clients.ClientAuthentication;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.Issuer;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshRequest;
import rotor.server.engine.TokenEngine;
import rotor.server.grants.TokenIntrospection;
import rotor.server.ops.metrics.MeteredRefreshes;
import rotor.server.store.OAuthClientRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6749 token endpoint (refresh_token grant), RFC 7009 revocation, RFC 7662 introspection.
 * The form fields are bound by their wire names (grant_type, ...): the generated interface
 * names its parameters in camel case, which Micronaut would look for in the form as such.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // clients authenticate per RFC 6749 section 2.3.1, checked here
@ExecuteOn(TaskExecutors.BLOCKING)
public class OAuth2Controller implements Oauth2Api {

    private static final Set<String> TOKEN_TYPE_HINTS = Set.of("refresh_token", "access_token");

    private final TokenEngine engine;
    private final MeteredRefreshes refreshes;
    private final TokenIntrospection introspection;
    private final ClientAuthentication clientAuthentication;
    private final OAuth2Wire wire;
    private final Clock clock;
    private final Issuer issuer;

    public OAuth2Controller(TokenEngine engine, MeteredRefreshes refreshes, TokenIntrospection introspection, ClientAuthentication clientAuthentication,
                            OAuth2Wire wire, Clock clock, Issuer issuer) {
        this.engine = engine;
        this.refreshes = refreshes;
        this.introspection = introspection;
        this.clientAuthentication = clientAuthentication;
        this.wire = wire;
        this.clock = clock;
        this.issuer = issuer;
    }

    @Override
    public HttpResponse<TokenResponse> token(@Body("grant_type") String grantType, @Body("refresh_token") @Nullable String refreshToken,
                                             @Body("scope") @Nullable String scope, @Body("client_id") @Nullable String clientId,
                                             @Body("client_secret") @Nullable String clientSecret) {
        // grant_type is the parameter this endpoint requires before the client is asked for: empty, it is omitted.
        Caller caller = caller(grantType, clientId, clientSecret);
        if (caller.refusal() != null) {
            return wire.refused(caller.refusal());
        }
        if (!"refresh_token".equals(grantType)) {
            return wire.error(OAuthErrorError.UNSUPPORTED_GRANT_TYPE, "Only the refresh_token grant is supported.");
        }
        return wire.answer(refreshes.refresh(new RefreshRequest(Dialect.OAUTH2, null, refreshToken, scope, caller.client().clientId()), clock.instant()));
    }

    @Override
    public HttpResponse<Void> revoke(@Body("token") String token, @Body("token_type_hint") @Nullable String tokenTypeHint,
                                     @Body("client_id") @Nullable String clientId, @Body("client_secret") @Nullable String clientSecret) {
        Caller caller = caller(token, clientId, clientSecret);
        if (caller.refusal() != null) {
            return wire.refused(caller.refusal());
        }
        if (tokenTypeHint != null && !tokenTypeHint.isEmpty() && !TOKEN_TYPE_HINTS.contains(tokenTypeHint)) {
            return wire.error(OAuthErrorError.UNSUPPORTED_TOKEN_TYPE, "token_type_hint must be refresh_token or access_token.");
        }
        // RFC 7009 section 2.2: unknown tokens, and other clients' tokens, are answered 200 all the same.
        introspection.traceFor(token, caller.client().clientId())
                .ifPresent(traced -> engine.revoke(traced.grant().id(), "client_revocation", clock.instant()));
        return TokenResponses.noStore(HttpResponse.ok());
    }

    @Override
    public HttpResponse<IntrospectionResponse> introspect(@Body("token") String token, @Body("token_type_hint") @Nullable String tokenTypeHint,
                                                          @Body("client_id") @Nullable String clientId,
                                                          @Body("client_secret") @Nullable String clientSecret) {
        Caller caller = caller(token, clientId, clientSecret);
        if (caller.refusal() != null) {
            return wire.refused(caller.refusal());
        }
        Instant now = clock.instant();
        // Another client's token, or another dialect's, is {"active":false} (RFC 7662 sections 2.2 and 4).
        IntrospectionResponse body = introspection.activeFor(token, caller.client().clientId(), now).map(traced -> new IntrospectionResponse(true)
                .scope(traced.scope())
                .clientId(traced.grant().clientId())
                .tokenType(traced.kind() == TokenIntrospection.Kind.ACCESS_TOKEN ? "Bearer" : "refresh_token")
                .exp(traced.expiresAt().getEpochSecond())
                .iat(traced.issuedAt().getEpochSecond())
                .sub(traced.grant().subject())
                .iss(issuer.url())
                .jti(traced.jti())
                .tid(traced.grant().tenant())
                .gid(traced.grant().id().toString()))
                .orElseGet(() -> new IntrospectionResponse(false));
        return TokenResponses.noStore(HttpResponse.ok(body));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }

    /**
     * RFC 6749 section 3.2: "Request and response parameters MUST NOT be included more than
     * once", and section 5.2 answers a request that "repeats a parameter" invalid_request.
     * Micronaut binds the first of repeated form fields; its view of the whole form holds a list
     * for a repeated one.
     */
    /** The client a request authenticates, or the answer that refuses the request before it is heard. */
    private record Caller(@Nullable OAuthClientRecord client, @Nullable MutableHttpResponse<?> refusal) {
    }

    /**
     * What every oauth2 endpoint checks first, in this order: no repeated parameter (RFC 6749
     * section 5.2), the parameter the endpoint requires (revocation's and introspection's token,
     * the token endpoint's grant_type; section 3.1: a parameter without a value counts as omitted,
     * as an omitted one fails binding before this), and the client's authentication.
     */
    private Caller caller(@Nullable String required, @Nullable String clientId, @Nullable String clientSecret) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        if (repeatsAParameter(request)) {
            return new Caller(null, wire.repeatedParameter());
        }
        if (required != null && required.isEmpty()) {
            return new Caller(null, wire.missingParameter());
        }
        return clientAuthentication.authenticate(request, clientId, clientSecret)
                .map(client -> new Caller(client, null))
                .orElseGet(() -> new Caller(null, wire.invalidClient()));
    }

    private static boolean repeatsAParameter(HttpRequest<?> request) {
        return request.getBody()
                .filter(Map.class::isInstance)
                .map(form -> ((Map<?, ?>) form).values().stream().anyMatch(List.class::isInstance))
                .orElse(false);
    }
}
