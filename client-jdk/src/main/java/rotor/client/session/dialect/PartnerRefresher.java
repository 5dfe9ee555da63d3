package rotor.client.session.dialect;

import java.time.Clock;
import rotor.client.jdk.partner.AuthApi;
import rotor.client.jdk.partner.invoker.ApiException;
import rotor.client.jdk.partner.model.RefreshTokenRequest;
import rotor.client.jdk.partner.model.TokenResponse;
import rotor.client.session.GrantGoneException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenPair;

/** partner: {@code partnerId} and {@code grantType} headers, the refresh token in a JSON body. */
public final class PartnerRefresher implements Refresher {

    private final AuthApi api;
    private final int partnerId;
    private final Clock clock;

    public PartnerRefresher(AuthApi api, int partnerId) {
        this(api, partnerId, Clock.systemUTC());
    }

    public PartnerRefresher(AuthApi api, int partnerId, Clock clock) {
        this.api = api;
        this.partnerId = partnerId;
        this.clock = clock;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        try {
            TokenResponse answer = api.refreshToken(partnerId, "refresh_token", new RefreshTokenRequest().refreshToken(refreshToken));
            return new TokenPair(answer.getAccessToken(), answer.getRefreshToken(),
                    RefreshAnswers.expiresAt(clock, answer.getExpiresIn()));
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** Invalid, expired or reused: 400 {@code invalid_grant}. */
    private static RuntimeException failure(ApiException e) {
        boolean gone = e.getCode() == 400 && RefreshAnswers.field(e.getResponseBody(), "error").equals("invalid_grant");
        return gone ? new GrantGoneException("invalid_grant") : RefreshAnswers.otherFailure(e.getCode(), e);
    }
}
