package rotor.server.dialect.oauth2;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.oauth2.model.OAuthError;
import rotor.server.api.oauth2.model.OAuthErrorError;
import rotor.server.api.oauth2.model.TokenResponse;
import rotor.server.dialect.RefreshWire;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

import java.util.UUID;

/** The standard contract's wire: RFC 6749 section 5.1 and 5.2, RFC 7009, RFC 7662. */
@Singleton
public class OAuth2Wire extends RefreshWire {

    public OAuth2Wire() {
        super("oauth2", "/oauth2/");
    }

    public <T> MutableHttpResponse<T> invalidClient() {
        return typed(TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new OAuthError(OAuthErrorError.INVALID_CLIENT).errorDescription("Client authentication failed.")))
                .header("WWW-Authenticate", "Basic realm=\"rotor\""));
    }

    /** A refusal the controller settled on before its endpoint's own work, as that endpoint's declared response. */
    public <T> MutableHttpResponse<T> refused(MutableHttpResponse<?> refusal) {
        return typed(refusal);
    }

    /** RFC 6749 section 5.2: a request that "repeats a parameter" is invalid_request. */
    public <T> MutableHttpResponse<T> repeatedParameter() {
        return error(OAuthErrorError.INVALID_REQUEST, "A parameter appears more than once.");
    }

    public <T> MutableHttpResponse<T> error(OAuthErrorError error, String description) {
        return typed(TokenResponses.noStore(HttpResponse.badRequest(new OAuthError(error).errorDescription(description))));
    }

    @Override
    protected Object success(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresInSeconds())
                .refreshToken(tokens.refreshToken())
                .scope(tokens.scope());
    }

    @Override
    protected MutableHttpResponse<?> refusal(RefreshOutcome.Status status) {
        return switch (status) {
            case MISSING -> error(OAuthErrorError.INVALID_REQUEST, "The refresh_token parameter is required.");
            case MALFORMED_TENANT, MALFORMED_TOKEN, INVALID_GRANT, REVOKED, REUSED -> error(OAuthErrorError.INVALID_GRANT, "The refresh token is invalid, expired or revoked.");
            case INVALID_SCOPE -> error(OAuthErrorError.INVALID_SCOPE, "The requested scope exceeds the scope of the grant.");
            case OK, INTERNAL -> throw notARefusal(status);
        };
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        return HttpResponse.serverError(new OAuthError(OAuthErrorError.SERVER_ERROR).errorDescription("The server could not complete the request."));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new OAuthError(OAuthErrorError.INVALID_REQUEST).errorDescription(refused.reason()));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        return missingParameter();
    }

    public <T> MutableHttpResponse<T> missingParameter() {
        return error(OAuthErrorError.INVALID_REQUEST, "The request is missing a required parameter or is malformed.");
    }
}
