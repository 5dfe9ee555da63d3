package rotor.server.dialect.dayzero;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.dayzero.OauthApi;
import rotor.server.api.dayzero.model.OAuthTokenResponse;
import rotor.server.dialect.Credentials;
import rotor.server.dialect.RequestFailure;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshRequest;
import rotor.server.engine.TokenEngine;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** POST /api/v1/oauth2/refresh: the refresh token is the Bearer credential, the tenant the business id. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DayzeroController implements OauthApi {

    private final TokenEngine engine;
    private final DayzeroWire wire;
    private final Clock clock;

    public DayzeroController(TokenEngine engine, DayzeroWire wire, Clock clock) {
        this.engine = engine;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    @Consumes(MediaType.ALL) // FastAPI reads no body here, so any body and media type pass
    @SuppressWarnings("unchecked")
    public HttpResponse<OAuthTokenResponse> refreshTokenApiV1Oauth2RefreshPost(UUID xbusinessId) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        Optional<String> token = Credentials.bearer(request);
        if (token.isEmpty()) {
            return (HttpResponse<OAuthTokenResponse>) wire.notAuthenticated();
        }
        // The raw header, not the leniently parsed UUID: the engine decides what a business id is.
        String businessId = request.getHeaders().get(DayzeroWire.BUSINESS_ID);
        var outcome = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, businessId, token.get()), clock.instant());
        return (HttpResponse<OAuthTokenResponse>) wire.answer(outcome, businessId);
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
