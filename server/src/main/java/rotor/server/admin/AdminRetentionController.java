package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.RetentionApi;
import rotor.server.api.admin.model.RetentionRun;
import rotor.server.dialect.RequestFailure;
import rotor.server.retention.Janitor;

import java.time.Clock;

/** Runs retention on demand (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminRetentionController implements RetentionApi {

    private final Janitor janitor;
    private final AdminWire wire;
    private final Clock clock;

    public AdminRetentionController(Janitor janitor, AdminWire wire, Clock clock) {
        this.janitor = janitor;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<RetentionRun> runRetention() {
        Janitor.Run run = janitor.run(clock.instant());
        return HttpResponse.ok(new RetentionRun(run.ran(), run.grants(), run.refreshTokens(), run.auditEvents()));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
