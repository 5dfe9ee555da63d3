package rotor.server.dialect.mielto;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.mielto.OAuthApi;
import rotor.server.api.mielto.model.RefreshOAuthTokenResponse;
import rotor.server.connections.UpstreamCallThreads;
import rotor.server.dialect.RequestFailure;
import rotor.server.ops.metrics.MeteredRefreshes;

import java.time.Clock;
import java.util.Optional;

/** POST /api/v1/oauth/refresh/{connection_id}: refresh a stored upstream connection of the caller's workspace. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS) // the DualAuthScheme is checked here, so that its 401 is FastAPI's
@ExecuteOn(UpstreamCallThreads.NAME) // not the other dialects' threads: a refresh here may wait on an upstream
public class MieltoController implements OAuthApi {

    private final WorkspaceCallers callers;
    private final MeteredRefreshes refreshes;
    private final MieltoWire wire;
    private final Clock clock;

    public MieltoController(WorkspaceCallers callers, MeteredRefreshes refreshes, MieltoWire wire, Clock clock) {
        this.callers = callers;
        this.refreshes = refreshes;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    @Consumes(MediaType.ALL) // FastAPI reads no body here
    public HttpResponse<RefreshOAuthTokenResponse> refreshOauthTokenApiV1OauthRefreshConnectionIdPost(String connectionId, String xworkspaceId) {
        Optional<String> workspace = callers.workspaceOf(ServerRequestContext.currentRequest().orElseThrow());
        if (workspace.isEmpty()) {
            return wire.notAuthenticated();
        }
        if (xworkspaceId != null && !xworkspaceId.equals(workspace.get())) {
            // Another workspace's connections do not exist for this caller.
            return wire.notFound();
        }
        return wire.answer(refreshes.refreshConnection(connectionId, workspace.get(), clock.instant()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        RequestFailure classified = RequestFailure.classify(failure);
        boolean requestLevel = !(classified instanceof RequestFailure.Unexpected) && !(classified instanceof RequestFailure.Refused);
        if (requestLevel && callers.workspaceOf(request).isEmpty()) {
            // FastAPI resolves the security dependency before it validates parameters.
            return wire.notAuthenticated();
        }
        return wire.failure(request, classified);
    }
}
