package rotor.server.dialect.onboard;

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
import rotor.server.api.onboard.AuthOauthApi;
import rotor.server.api.onboard.model.AccessTokenResponse;
import rotor.server.dialect.Credentials;
import rotor.server.dialect.RequestFailure;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshRequest;
import rotor.server.ops.metrics.MeteredRefreshes;

import java.time.Clock;

/** POST /auth/oauth/refresh-token: the refresh token is the x-auth-token header; one default tenant. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OnboardController implements AuthOauthApi {

    private final MeteredRefreshes refreshes;
    private final OnboardWire wire;
    private final Clock clock;

    public OnboardController(MeteredRefreshes refreshes, OnboardWire wire, Clock clock) {
        this.refreshes = refreshes;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    @Consumes(MediaType.ALL) // the gateway reads no body here
    public HttpResponse<AccessTokenResponse> refreshAccessToken() {
        // No x-auth-token header is the engine's MISSING: 401 AUTH_TOKEN_MISSING on the wire.
        String token = Credentials.header(ServerRequestContext.currentRequest().orElseThrow(), OnboardWire.AUTH_TOKEN).orElse(null);
        return wire.answer(refreshes.refresh(RefreshRequest.of(Dialect.ONBOARD, null, token), clock.instant()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
