package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.KeysApi;
import rotor.server.api.admin.model.KeyRotation;
import rotor.server.dialect.RequestFailure;
import rotor.server.keys.SigningKeys;

import java.time.ZoneOffset;

/** Rotates the signing key on demand (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminKeysController implements KeysApi {

    private final SigningKeys keys;
    private final AdminWire wire;

    public AdminKeysController(SigningKeys keys, AdminWire wire) {
        this.keys = keys;
        this.wire = wire;
    }

    @Override
    public HttpResponse<KeyRotation> rotateSigningKey() {
        SigningKeys.Rotation rotation = keys.rotate();
        return HttpResponse.ok(new KeyRotation(rotation.kid(), rotation.activatesAt().atOffset(ZoneOffset.UTC)));
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
