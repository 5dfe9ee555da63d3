package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.SubjectsApi;
import rotor.server.api.admin.model.RevokedGrants;
import rotor.server.dialect.RequestFailure;
import rotor.server.grants.GrantRevocations;

import java.time.Clock;

/** Revokes every live grant of a subject in a tenant, all dialects: log out everywhere (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSubjectsController implements SubjectsApi {

    private final GrantRevocations revocations;
    private final AdminWire wire;
    private final Clock clock;

    public AdminSubjectsController(GrantRevocations revocations, AdminWire wire, Clock clock) {
        this.revocations = revocations;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<RevokedGrants> revokeSubjectGrants(String tenant, String subject) {
        return HttpResponse.ok(new RevokedGrants(revocations.revokeSubject(tenant, subject, clock.instant())));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
