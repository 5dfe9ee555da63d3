package rotor.server.dialect.oauth2;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.oauth2.model.OAuthError;
import rotor.server.api.oauth2.model.OAuthErrorError;
import rotor.server.api.oauth2.model.TokenResponse;
import rotor.server.dialect.DialectErrors;
import rotor.server.dialect.InternalErrors;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

/** The standard contract's wire: RFC 6749 section 5.1 and 5.2, RFC 7009, RFC 7662. */
@Singleton
public class OAuth2Wire implements DialectErrors {

    public MutableHttpResponse<?> answer(RefreshOutcome outcome) {
        return switch (outcome.status()) {
            case OK -> ok(outcome.tokens());
            case MISSING -> error(OAuthErrorError.INVALID_REQUEST, "The refresh_token parameter is required.");
            case MALFORMED_TENANT, MALFORMED_TOKEN, INVALID_GRANT, REVOKED, REUSED -> error(OAuthErrorError.INVALID_GRANT, "The refresh token is invalid, expired or revoked.");
            case INVALID_SCOPE -> error(OAuthErrorError.INVALID_SCOPE, "The requested scope exceeds the scope of the grant.");
            case INTERNAL -> internal(new IllegalStateException("the store kept failing"));
        };
    }

    public MutableHttpResponse<?> invalidClient() {
        return TokenResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new OAuthError(OAuthErrorError.INVALID_CLIENT).errorDescription("Client authentication failed.")))
                .header("WWW-Authenticate", "Basic realm=\"rotor\"");
    }

    public MutableHttpResponse<?> error(OAuthErrorError error, String description) {
        return TokenResponses.noStore(HttpResponse.badRequest(new OAuthError(error).errorDescription(description)));
    }

    @Override
    public String pathPrefix() {
        return "/oauth2/";
    }

    @Override
    public MutableHttpResponse<?> failure(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Unexpected unexpected) {
            return internal(unexpected.failure());
        }
        if (failure instanceof RequestFailure.Refused refused) {
            return refused.answer(new OAuthError(OAuthErrorError.INVALID_REQUEST).errorDescription(refused.reason()));
        }
        return error(OAuthErrorError.INVALID_REQUEST, "The request is missing a required parameter or is malformed.");
    }

    private static MutableHttpResponse<?> ok(IssuedTokens tokens) {
        TokenResponse body = new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresInSeconds())
                .refreshToken(tokens.refreshToken())
                .scope(tokens.scope());
        return TokenResponses.noStore(HttpResponse.ok(body));
    }

    private static MutableHttpResponse<?> internal(Throwable failure) {
        InternalErrors.log("oauth2", failure);
        return HttpResponse.serverError(new OAuthError(OAuthErrorError.SERVER_ERROR).errorDescription("The server could not complete the request."));
    }
}
