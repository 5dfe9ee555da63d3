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
import rotor.server.ops.metrics.MeteredRefreshes;

import java.time.Clock;
import java.util.UUID;

/** POST /api/v1/oauth2/refresh: the refresh token is the Bearer credential, the tenant the business id. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DayzeroController implements OauthApi {

    private final MeteredRefreshes refreshes;
    private final DayzeroWire wire;
    private final Clock clock;

    public DayzeroController(MeteredRefreshes refreshes, DayzeroWire wire, Clock clock) {
        this.refreshes = refreshes;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    @Consumes(MediaType.ALL) // FastAPI reads no body here, so any body and media type pass
    public HttpResponse<OAuthTokenResponse> refreshTokenApiV1Oauth2RefreshPost(UUID xbusinessId) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        // The raw header, not the leniently parsed UUID: the engine decides what a business id is.
        // No Bearer token is the engine's MISSING, which the wire answers as FastAPI's HTTPBearer does.
        String businessId = request.getHeaders().get(DayzeroWire.BUSINESS_ID);
        return wire.answer(refreshes.refresh(RefreshRequest.of(Dialect.DAYZERO, businessId, Credentials.bearer(request).orElse(null)),
                clock.instant()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
