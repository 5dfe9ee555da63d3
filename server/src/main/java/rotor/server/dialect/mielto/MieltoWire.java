package rotor.server.dialect.mielto;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.mielto.model.HTTPError;
import rotor.server.api.mielto.model.HTTPValidationError;
import rotor.server.api.mielto.model.RefreshOAuthTokenResponse;
import rotor.server.api.mielto.model.Status;
import rotor.server.api.mielto.model.ValidationError;
import rotor.server.connections.ConnectionRefresher;
import rotor.server.dialect.DialectWire;
import rotor.server.dialect.RequestFailure;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** mielto's wire: FastAPI's bodies (../shared/CONTRACTS.md). */
@Singleton
public class MieltoWire extends DialectWire {

    static final String PATH_PREFIX = "/api/v1/oauth/refresh/";

    public MieltoWire() {
        super("mielto", PATH_PREFIX);
    }

    public <T> MutableHttpResponse<T> answer(ConnectionRefresher.Result result) {
        return typed(switch (result.status()) {
            case REFRESHED -> HttpResponse.ok(new RefreshOAuthTokenResponse(Status.SUCCESS, result.connection().id(),
                    result.connection().expiresAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            case NOT_FOUND -> notFound();
            case REAUTHORIZATION_REQUIRED -> HttpResponse.status(HttpStatus.CONFLICT).body(new HTTPError("Connection requires re-authorization"));
            // A refresh that waited too long for a thread is, to its caller, an upstream that timed out.
            case UPSTREAM_FAILED, BACKLOGGED -> HttpResponse.status(HttpStatus.BAD_GATEWAY).body(new HTTPError("Upstream token endpoint failed"));
        });
    }

    public <T> MutableHttpResponse<T> notAuthenticated() {
        return typed(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HTTPError("Not authenticated")).header("WWW-Authenticate", "Bearer"));
    }

    public <T> MutableHttpResponse<T> notFound() {
        return typed(HttpResponse.notFound(new HTTPError("Connection not found")));
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        return HttpResponse.serverError(new HTTPError("Internal Server Error"));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new HTTPError(refused.reason()));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Violations violations) {
            List<ValidationError> errors = violations.violations().stream().map(MieltoWire::tooLong).toList();
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new HTTPValidationError().detail(new ArrayList<>(errors)));
        }
        // Oversized, or anything else unreadable: what uvicorn answers before FastAPI sees the request.
        return HttpResponse.badRequest(new HTTPError("Invalid HTTP request received."));
    }

    /** The only constraint of the contract: connection_id is at most 128 characters. */
    private static ValidationError tooLong(RequestFailure.Violation violation) {
        ValidationError error = new ValidationError(List.of("path", "connection_id"), "String should have at most 128 characters",
                "string_too_long", violation.value());
        error.setCtx(Map.of("max_length", 128));
        return error;
    }
}
