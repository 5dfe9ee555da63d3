package rotor.server.dialect.dayzero;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.dayzero.model.HTTPError;
import rotor.server.api.dayzero.model.HTTPValidationError;
import rotor.server.api.dayzero.model.OAuthTokenResponse;
import rotor.server.api.dayzero.model.ValidationError;
import rotor.server.dialect.Credentials;
import rotor.server.dialect.DialectErrors;
import rotor.server.dialect.InternalErrors;
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
public class DayzeroWire implements DialectErrors {

    static final String PATH = "/api/v1/oauth2/refresh";
    static final String BUSINESS_ID = "x-business-id";

    public MutableHttpResponse<?> answer(RefreshOutcome outcome, String businessId) {
        return switch (outcome.status()) {
            case OK -> ok(outcome.tokens());
            case MISSING -> notAuthenticated();
            case MALFORMED_TENANT -> notAUuid(businessId);
            case MALFORMED_TOKEN, INVALID_GRANT, REVOKED, REUSED, INVALID_SCOPE -> invalidToken();
            case INTERNAL -> internal(InternalErrors.log("dayzero", "the store kept failing"));
        };
    }

    /** FastAPI's HTTPBearer: no credential, or not a Bearer one. */
    public MutableHttpResponse<?> notAuthenticated() {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HTTPError("Not authenticated")))
                .header("WWW-Authenticate", "Bearer");
    }

    @Override
    public String pathPrefix() {
        return PATH;
    }

    @Override
    public MutableHttpResponse<?> failure(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Unexpected unexpected) {
            return internal(InternalErrors.log("dayzero", unexpected.failure()));
        }
        if (failure instanceof RequestFailure.Refused refused) {
            return refused.answer(new HTTPError(refused.reason()));
        }
        if (failure instanceof RequestFailure.Oversized) {
            // What uvicorn answers when it cannot read a request, before FastAPI sees it.
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
        // An unreadable body: FastAPI's words when a body it had to parse was not JSON.
        return HttpResponse.badRequest(new HTTPError("There was an error parsing the body"));
    }

    private static MutableHttpResponse<?> ok(IssuedTokens tokens) {
        OAuthTokenResponse body = new OAuthTokenResponse(tokens.accessToken(), Math.toIntExact(tokens.accessExpiresInSeconds()))
                .tokenType("Bearer")
                .refreshToken(tokens.refreshToken())
                .scope(tokens.scope());
        return TokenResponses.noStore(HttpResponse.ok(body));
    }

    private static MutableHttpResponse<?> invalidToken() {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HTTPError("Invalid or expired refresh token")))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static MutableHttpResponse<?> notAUuid(String input) {
        ValidationError error = error("uuid_parsing", "header", BUSINESS_ID, PydanticUuidError.message(input), input);
        error.setCtx(Map.of("error", PydanticUuidError.reason(input)));
        return validation(List.of(error));
    }

    private static MutableHttpResponse<?> validation(List<ValidationError> errors) {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new HTTPValidationError().detail(new ArrayList<>(errors))));
    }

    private static MutableHttpResponse<?> internal(UUID correlationId) {
        // FastAPI says no more than this; the correlation id is in the server log.
        return HttpResponse.serverError(new HTTPError("Internal Server Error"));
    }

    private static ValidationError error(String type, String location, String name, String message, Object input) {
        return new ValidationError(List.of(location, name), message, type, input);
    }
}
