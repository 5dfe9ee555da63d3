package rotor.client.session.dialect;

import rotor.client.jdk.session.SessionTokenApi;
import rotor.client.jdk.session.invoker.ApiException;
import rotor.client.jdk.session.model.RefreshTokenRequest;
import rotor.client.jdk.session.model.Token;
import rotor.client.session.GrantGoneException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenPair;

/** session (the contract of that name): a JWT refresh token in a JSON body, answers in an envelope. */
public final class SessionDialectRefresher implements Refresher {

    private final SessionTokenApi api;

    public SessionDialectRefresher(SessionTokenApi api) {
        this.api = api;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        try {
            Token answer = api.refreshToken(new RefreshTokenRequest().refreshToken(refreshToken)).getData();
            return new TokenPair(answer.getAccessToken(), answer.getRefreshToken(), answer.getAccessExpires().toInstant());
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** Invalid, expired or reused: HTTP 401 with envelope code 40101. */
    private static RuntimeException failure(ApiException e) {
        boolean gone = e.getCode() == 401 && RefreshAnswers.field(e.getResponseBody(), "code").equals("40101");
        return gone ? new GrantGoneException("40101") : RefreshAnswers.otherFailure(e.getCode(), e);
    }
}
