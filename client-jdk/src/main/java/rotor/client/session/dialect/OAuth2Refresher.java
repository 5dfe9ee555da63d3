package rotor.client.session.dialect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import rotor.client.jdk.oauth2.Oauth2Api;
import rotor.client.jdk.oauth2.invoker.ApiException;
import rotor.client.jdk.oauth2.model.TokenResponse;
import rotor.client.session.GrantGoneException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenPair;

/**
 * oauth2 (RFC 6749 section 6): a registered client refreshes with {@code client_secret_basic}. A
 * server that does not rotate omits the refresh token: the old one stays the chain's head.
 */
public final class OAuth2Refresher implements Refresher {

    /** The access token's lifetime when the answer omits {@code expires_in} (RFC 6749 only recommends it). */

    private final Oauth2Api api;
    private final String basicCredentials;
    private final Clock clock;

    public OAuth2Refresher(Oauth2Api api, String clientId, String clientSecret) {
        this(api, clientId, clientSecret, Clock.systemUTC());
    }

    public OAuth2Refresher(Oauth2Api api, String clientId, String clientSecret, Clock clock) {
        this.api = api;
        // RFC 6749 section 2.3.1: both are form-encoded before they are joined and base64-encoded.
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        try {
            TokenResponse answer = api.token("refresh_token", refreshToken, null, null, null,
                    Map.of("Authorization", basicCredentials));
            String next = answer.getRefreshToken() == null ? refreshToken : answer.getRefreshToken();
            return new TokenPair(answer.getAccessToken(), next, RefreshAnswers.expiresAt(clock, answer.getExpiresIn()));
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** Invalid, expired, revoked or reused: 400 {@code invalid_grant} (RFC 6749 section 5.2). */
    private static RuntimeException failure(ApiException e) {
        boolean gone = e.getCode() == 400 && RefreshAnswers.field(e.getResponseBody(), "error").equals("invalid_grant");
        return gone ? new GrantGoneException("invalid_grant") : RefreshAnswers.otherFailure(e.getCode(), e);
    }
}
