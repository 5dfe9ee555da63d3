package rotor.client.examples;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import rotor.client.jdk.dayzero.OauthApi;
import rotor.client.jdk.dayzero.invoker.ApiClient;
import rotor.client.jdk.dayzero.invoker.ApiException;
import rotor.client.jdk.dayzero.model.OAuthTokenResponse;
import rotor.client.jdk.mielto.OAuthApi;
import rotor.client.jdk.onboard.AuthOauthApi;
import rotor.client.micronaut.Credential;
import rotor.client.micronaut.onboard.model.AccessTokenResponse;
import rotor.client.session.GrantGoneException;
import rotor.client.session.TokenSession;
import rotor.client.session.dialect.MieltoConnection;
import rotor.client.session.dialect.OnboardRefresher;
import rotor.client.session.store.FileRefreshTokenStore;

/**
 * The README's "Using the clients" examples: each region between {@code readme:begin NAME} and
 * {@code readme:end NAME} is quoted there verbatim (ReadmeQuotesTheseExamplesSpec) and run
 * against a server (UsingTheClientsExamplesRunSpec).
 */
public final class UsingTheClients {

    private UsingTheClients() {
    }

    static OAuthTokenResponse oneRefresh(String baseUrl, UUID businessId, String refreshToken) throws ApiException {
        // readme:begin jdk-call
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);                       // e.g. http://localhost:8080
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(Duration.ofSeconds(10));
        OauthApi dayzero = new OauthApi(client);
        // Credentials the contract models as a security scheme go in the per-call headers.
        OAuthTokenResponse tokens = dayzero.refreshTokenApiV1Oauth2RefreshPost(businessId,
                Map.of("Authorization", "Bearer " + refreshToken));
        // readme:end jdk-call
        return tokens;
    }

    static String callWithSession(String baseUrl, Path stateDir, String firstRefreshToken, URI resource) throws Exception {
        // readme:begin jdk-session
        var onboard = new rotor.client.jdk.onboard.invoker.ApiClient();
        onboard.updateBaseUri(baseUrl);
        onboard.setConnectTimeout(Duration.ofSeconds(5));
        onboard.setReadTimeout(Duration.ofSeconds(10));
        TokenSession session = TokenSession.builder(
                        new OnboardRefresher(new AuthOauthApi(onboard)),
                        new FileRefreshTokenStore(stateDir.resolve("onboard.token")))
                .initialRefreshToken(firstRefreshToken)     // the login's; a newer one in the file wins
                .refreshAhead(Duration.ofSeconds(30), Duration.ofSeconds(10))
                .build();                                   // share it: one session per login, any number of threads

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            // Authorization: Bearer <a valid access token>; after a 401, one refresh and one retry.
            HttpResponse<String> answer = session.send(http,
                    HttpRequest.newBuilder(resource).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.body();
        } catch (GrantGoneException e) {
            // Reuse detected, revoked or expired (e.answer() has the server's words): log in again.
            return "login needed";
        }
        // readme:end jdk-session
    }

    static Instant keepConnectionFresh(String baseUrl, String connectionId, String apiKey) {
        // readme:begin mielto
        var mielto = new rotor.client.jdk.mielto.invoker.ApiClient();
        mielto.updateBaseUri(baseUrl);
        mielto.setReadTimeout(Duration.ofSeconds(20));
        MieltoConnection connection = new MieltoConnection(new OAuthApi(mielto), connectionId, () -> apiKey);
        Instant validUntil = connection.ensureFresh();      // refreshes only when expires_at is near
        // readme:end mielto
        return validUntil;
    }

    // readme:begin micronaut
    @Singleton
    public static class OnboardLogin {

        private final rotor.client.micronaut.onboard.AuthOauthApi onboard;   // @Client("onboard"), injected

        public OnboardLogin(rotor.client.micronaut.onboard.AuthOauthApi onboard) {
            this.onboard = onboard;
        }

        public AccessTokenResponse refresh(String refreshToken) {
            try (var ignored = Credential.header("x-auth-token", refreshToken).open()) {
                return onboard.refreshAccessToken().body();
            }
        }
    }
    // readme:end micronaut
}
