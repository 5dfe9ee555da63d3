package rotor.client.session.dialect;

import java.util.Map;
import rotor.client.jdk.onboard.AuthOauthApi;
import rotor.client.jdk.onboard.invoker.ApiException;
import rotor.client.jdk.onboard.model.AccessTokenResponse;
import rotor.client.session.GrantGoneException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenPair;

/** onboard: the refresh token travels in {@code x-auth-token}; expiries are absolute. */
public final class OnboardRefresher implements Refresher {

    private final AuthOauthApi api;

    public OnboardRefresher(AuthOauthApi api) {
        this.api = api;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        try {
            AccessTokenResponse answer = api.refreshAccessToken(Map.of("x-auth-token", refreshToken));
            return new TokenPair(answer.getAccessToken().getToken(), answer.getRefreshToken().getToken(),
                    answer.getAccessToken().getExpiry().toInstant());
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** Unknown or expired: 401 REFRESH_TOKEN_INVALID; revoked or reused: 403 REFRESH_TOKEN_REVOKED. */
    private static RuntimeException failure(ApiException e) {
        String code = RefreshAnswers.field(e.getResponseBody(), "code");
        boolean gone = (e.getCode() == 401 && code.equals("REFRESH_TOKEN_INVALID"))
                || (e.getCode() == 403 && code.equals("REFRESH_TOKEN_REVOKED"));
        return gone ? new GrantGoneException(code) : RefreshAnswers.otherFailure(e.getCode(), e);
    }
}
