package rotor.server.dialect.partner;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.partner.AuthApi;
import rotor.server.api.partner.model.RefreshTokenRequest;
import rotor.server.api.partner.model.TokenResponse;
import rotor.server.dialect.RequestFailure;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshRequest;
import rotor.server.ops.metrics.MeteredRefreshes;

import java.time.Clock;

/** POST /v1/auth/token: partnerId and grantType headers, the refresh token in a JSON body. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartnerController implements AuthApi {

    private final MeteredRefreshes refreshes;
    private final PartnerWire wire;
    private final Clock clock;

    public PartnerController(MeteredRefreshes refreshes, PartnerWire wire, Clock clock) {
        this.refreshes = refreshes;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<TokenResponse> refreshToken(Integer partnerId, String grantType, RefreshTokenRequest body) {
        if (!PartnerWire.REFRESH_TOKEN_GRANT.equals(grantType)) {
            return wire.unsupportedGrantType();
        }
        return wire.answer(refreshes.refresh(RefreshRequest.of(Dialect.PARTNER, partnerId.toString(), body.getRefreshToken()), clock.instant()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
