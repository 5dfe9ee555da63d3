package rotor.server.dialect.onboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.onboard.model.AccessTokenResponse;
import rotor.server.api.onboard.model.ErrorMessageDto;
import rotor.server.api.onboard.model.Token;
import rotor.server.dialect.RefreshWire;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** onboard's wire: every error an ErrorMessageDto with a code (../shared/CONTRACTS.md). */
@Singleton
public class OnboardWire extends RefreshWire {

    static final String PATH = "/auth/oauth/refresh-token";
    static final String AUTH_TOKEN = "x-auth-token";

    public OnboardWire() {
        super("onboard", PATH);
    }

    @Override
    protected Object success(IssuedTokens tokens) {
        return new AccessTokenResponse(tokens.subject(),
                new Token(tokens.accessToken(), tokens.accessExpiresAt().atOffset(ZoneOffset.UTC)),
                new Token(tokens.refreshToken(), tokens.refreshExpiresAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    protected MutableHttpResponse<?> refusal(RefreshOutcome.Status status) {
        return switch (status) {
            case MISSING -> error(HttpStatus.UNAUTHORIZED, "AUTH_TOKEN_MISSING", "The x-auth-token header is required.");
            case MALFORMED_TENANT, MALFORMED_TOKEN -> error(HttpStatus.BAD_REQUEST, "MALFORMED_TOKEN", "The x-auth-token header does not hold a refresh token.");
            case INVALID_GRANT, INVALID_SCOPE -> error(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_INVALID", "The refresh token is invalid or has expired.");
            case REVOKED, REUSED -> error(HttpStatus.FORBIDDEN, "REFRESH_TOKEN_REVOKED", "The refresh token has been revoked.");
            case OK, INTERNAL -> throw notARefusal(status);
        };
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        return HttpResponse.serverError(new ErrorMessageDto("UNKNOWN_ERROR", "Request could not be completed due to an error")
                .data(Map.of("correlationId", correlationId.toString())));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new ErrorMessageDto(HttpStatus.valueOf(refused.status()).name(), refused.reason()));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request could not be read.");
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String code, String message) {
        return TokenResponses.noStore(HttpResponse.status(status).body(new ErrorMessageDto(code, message)));
    }
}
