package rotor.server.dialect.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.session.SessionTokenApi;
import rotor.server.api.session.model.RefreshTokenRequest;
import rotor.server.api.session.model.TokenEnvelope;
import rotor.server.dialect.RequestFailure;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshRequest;
import rotor.server.ops.metrics.MeteredRefreshes;

import java.time.Clock;

/** POST /session/token/refresh: no authentication, the refresh token (a JWT) in the JSON body. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController implements SessionTokenApi {

    private final MeteredRefreshes refreshes;
    private final SessionWire wire;
    private final Clock clock;

    public SessionController(MeteredRefreshes refreshes, SessionWire wire, Clock clock) {
        this.refreshes = refreshes;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<TokenEnvelope> refreshToken(RefreshTokenRequest body) {
        return wire.answer(refreshes.refresh(RefreshRequest.of(Dialect.SESSION, null, body.getRefreshToken()), clock.instant()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
