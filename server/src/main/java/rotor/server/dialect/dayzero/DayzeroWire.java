package rotor.server.dialect.dayzero;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import rotor.server.api.dayzero.model.HTTPError;
import rotor.server.api.dayzero.model.HTTPValidationError;
import rotor.server.api.dayzero.model.OAuthTokenResponse;
import rotor.server.api.dayzero.model.ValidationError;
import rotor.server.dialect.Credentials;
import rotor.server.dialect.RefreshWire;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** dayzero's wire: FastAPI's bodies, statuses and challenges (../shared/CONTRACTS.md). */
@Singleton
public class DayzeroWire extends RefreshWire {

    static final String PATH = "/api/v1/oauth2/refresh";
    static final String BUSINESS_ID = "x-business-id";

    public DayzeroWire() {
        super("dayzero", PATH);
    }

    @Override
    protected Object success(IssuedTokens tokens) {
        return new OAuthTokenResponse(tokens.accessToken(), Math.toIntExact(tokens.accessExpiresInSeconds()))
                .tokenType("Bearer")
                .refreshToken(tokens.refreshToken())
                .scope(tokens.scope());
    }

    @Override
    protected MutableHttpResponse<?> refusal(RefreshOutcome.Status status) {
        return switch (status) {
            case MISSING -> notAuthenticated();
            case MALFORMED_TENANT -> notAUuid(rawBusinessId());
            case MALFORMED_TOKEN, INVALID_GRANT, REVOKED, REUSED, INVALID_SCOPE -> invalidToken();
            case OK, INTERNAL -> throw notARefusal(status);
        };
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        // FastAPI says no more than this; the correlation id is in the server log.
        return HttpResponse.serverError(new HTTPError("Internal Server Error"));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new HTTPError(refused.reason()));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Oversized || failure instanceof RequestFailure.UnreadableBody) {
            // What uvicorn answers when it cannot read a request, before FastAPI sees it. dayzero's
            // refresh has no body, so what cannot be read is the request itself (its framing, a header).
            return HttpResponse.badRequest(new HTTPError("Invalid HTTP request received."));
        }
        if (Credentials.bearer(request).isEmpty()) {
            // FastAPI resolves the security dependency before it validates parameters.
            return notAuthenticated();
        }
        if (failure instanceof RequestFailure.Missing missing) {
            return validation(List.of(error("missing", missing.location(), missing.name(), "Field required", null)));
        }
        if (failure instanceof RequestFailure.Invalid invalid) {
            return BUSINESS_ID.equals(invalid.name())
                    ? notAUuid(String.valueOf(invalid.value()))
                    : validation(List.of(error("value_error", invalid.location(), invalid.name(), "Value error", invalid.value())));
        }
        if (failure instanceof RequestFailure.Violations violations) {
            return validation(violations.violations().stream()
                    .map(v -> error("value_error", "header", v.field(), "Value error, " + v.message(), v.value())).toList());
        }
        return HttpResponse.badRequest(new HTTPError("Invalid HTTP request received."));
    }

    /** FastAPI's HTTPBearer: no credential, or not a Bearer one. */
    private static MutableHttpResponse<?> notAuthenticated() {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HTTPError("Not authenticated")))
                .header("WWW-Authenticate", "Bearer");
    }

    private static MutableHttpResponse<?> invalidToken() {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HTTPError("Invalid or expired refresh token")))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /**
     * The x-business-id header as sent. Micronaut's UUID conversion takes forms the engine does not
     * (e.g. "1-1-1-1-1"), and FastAPI's 422 shows the input verbatim; the controller answers
     * within the request, so the request is the one being answered.
     */
    private static String rawBusinessId() {
        return ServerRequestContext.currentRequest().map(request -> request.getHeaders().get(BUSINESS_ID)).orElse("");
    }

    private static MutableHttpResponse<?> notAUuid(String input) {
        ValidationError error = error("uuid_parsing", "header", BUSINESS_ID, PydanticUuidError.message(input), input);
        error.setCtx(Map.of("error", PydanticUuidError.reason(input)));
        return validation(List.of(error));
    }

    private static MutableHttpResponse<?> validation(List<ValidationError> errors) {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new HTTPValidationError().detail(new ArrayList<>(errors))));
    }

    private static ValidationError error(String type, String location, String name, String message, Object input) {
        return new ValidationError(List.of(location, name), message, type, input);
    }
}
