package rotor.server.dialect.partner;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.partner.model.ErrorResponse;
import rotor.server.api.partner.model.ErrorResponseError;
import rotor.server.api.partner.model.TokenResponse;
import rotor.server.dialect.RefreshWire;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

import java.util.UUID;

/** partner's wire: RFC 6749 section 5.2 errors, all HTTP 400 (../shared/CONTRACTS.md). */
@Singleton
public class PartnerWire extends RefreshWire {

    static final String PATH = "/v1/auth/token";
    static final String PARTNER_ID = "partnerId";
    static final String GRANT_TYPE = "grantType";
    static final String REFRESH_TOKEN_GRANT = "refresh_token";

    private final PartnerDialect dialect;

    public PartnerWire(PartnerDialect dialect) {
        super("partner", PATH);
        this.dialect = dialect;
    }

    public <T> MutableHttpResponse<T> unsupportedGrantType() {
        return typed(error(ErrorResponseError.UNSUPPORTED_GRANT_TYPE, "The grantType header must be refresh_token."));
    }

    @Override
    protected Object success(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), Math.toIntExact(tokens.accessExpiresInSeconds()), "Bearer")
                .refreshToken(tokens.refreshToken());
    }

    @Override
    protected MutableHttpResponse<?> refusal(RefreshOutcome.Status status) {
        return switch (status) {
            case MISSING -> missingRefreshToken();
            case MALFORMED_TENANT -> badPartnerId();
            case MALFORMED_TOKEN, INVALID_GRANT, REVOKED, REUSED, INVALID_SCOPE ->
                    error(ErrorResponseError.INVALID_GRANT, "Refresh token has expired or is invalid.");
            case OK, INTERNAL -> throw notARefusal(status);
        };
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        return HttpResponse.serverError(new ErrorResponse(ErrorResponseError.SERVER_ERROR)
                .errorDescription("The server could not complete the request."));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new ErrorResponse(ErrorResponseError.INVALID_REQUEST).errorDescription(refused.reason()));
    }

    /** Checked in the order a client would fix them: the partner, the grant type, then the body. */
    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Oversized) {
            return error(ErrorResponseError.INVALID_REQUEST, "The request is too large.");
        }
        if (dialect.tenant(request.getHeaders().get(PARTNER_ID)).isEmpty()) {
            return badPartnerId();
        }
        String grantType = request.getHeaders().get(GRANT_TYPE);
        if (grantType == null || grantType.isBlank()) {
            return error(ErrorResponseError.INVALID_REQUEST, "The grantType header is required.");
        }
        if (!REFRESH_TOKEN_GRANT.equals(grantType)) {
            return unsupportedGrantType();
        }
        // No body, a body that is not JSON or not an object, or no refreshToken in it.
        return missingRefreshToken();
    }

    private static MutableHttpResponse<?> missingRefreshToken() {
        return error(ErrorResponseError.INVALID_REQUEST, "Missing refresh token.");
    }

    private static MutableHttpResponse<?> badPartnerId() {
        return error(ErrorResponseError.INVALID_REQUEST, "The partnerId header is required and must be an integer.");
    }

    private static MutableHttpResponse<?> error(ErrorResponseError error, String description) {
        return TokenResponses.noStore(HttpResponse.badRequest(new ErrorResponse(error).errorDescription(description)));
    }
}
