package rotor.client.session.dialect;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import rotor.client.jdk.dayzero.OauthApi;
import rotor.client.jdk.dayzero.invoker.ApiException;
import rotor.client.jdk.dayzero.model.OAuthTokenResponse;
import rotor.client.session.GrantGoneException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenPair;

/** dayzero: the refresh token is the Bearer credential, the business id the tenant. */
public final class DayzeroRefresher implements Refresher {

    private final OauthApi api;
    private final UUID businessId;
    private final Clock clock;

    public DayzeroRefresher(OauthApi api, UUID businessId) {
        this(api, businessId, Clock.systemUTC());
    }

    public DayzeroRefresher(OauthApi api, UUID businessId, Clock clock) {
        this.api = api;
        this.businessId = businessId;
        this.clock = clock;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        try {
            OAuthTokenResponse answer = api.refreshTokenApiV1Oauth2RefreshPost(businessId,
                    Map.of("Authorization", "Bearer " + refreshToken));
            return new TokenPair(answer.getAccessToken(), answer.getRefreshToken(),
                    RefreshAnswers.expiresAt(clock, answer.getExpiresIn()));
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** Invalid, expired or reused: 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}. */
    private static RuntimeException failure(ApiException e) {
        boolean invalidToken = e.getCode() == 401 && e.getResponseHeaders() != null
                && e.getResponseHeaders().firstValue("WWW-Authenticate").orElse("").contains("invalid_token");
        return invalidToken ? new GrantGoneException("invalid_token") : RefreshAnswers.otherFailure(e.getCode(), e);
    }
}
