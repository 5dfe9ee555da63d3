package rotor.client.session.dialect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import rotor.client.jdk.mielto.OAuthApi;
import rotor.client.jdk.mielto.invoker.ApiException;
import rotor.client.session.AttemptLimit;
import rotor.client.session.FreshValue;
import rotor.client.session.GrantGoneException;
import rotor.client.session.RefreshSchedule;
import rotor.client.session.RetryPolicy;
import rotor.client.session.SessionListener;

/**
 * mielto: the server holds the connection's tokens; the client only asks it to refresh the
 * connection before its {@code expires_at}. One refresh however many callers ask at once.
 */
public final class MieltoConnection {

    private final OAuthApi api;
    private final String connectionId;
    private final Supplier<String> credential;
    private final FreshValue<Instant> expiresAt;
    private final AttemptLimit attemptLimit = new AttemptLimit(AttemptLimit.DEFAULT);

    /** @param credential the workspace API key, or a live mielto access token, as the Bearer credential */
    public MieltoConnection(OAuthApi api, String connectionId, Supplier<String> credential) {
        this(api, connectionId, credential, RefreshSchedule.DEFAULT, RetryPolicy.DEFAULT, SessionListener.NONE);
    }

    public MieltoConnection(OAuthApi api, String connectionId, Supplier<String> credential,
                            RefreshSchedule schedule, RetryPolicy retry, SessionListener listener) {
        this.api = api;
        this.connectionId = connectionId;
        this.credential = credential;
        this.expiresAt = new FreshValue<>(() -> attemptLimit.run(this::refresh), at -> at, schedule, retry, Clock.systemUTC(),
                Duration.ofSeconds(60), listener);
    }

    /**
     * Refreshes the connection if it is due (or was never refreshed by this object) and answers
     * until when its upstream access token is valid.
     *
     * @throws GrantGoneException the upstream refused the stored refresh token (409), or the
     *                            connection no longer exists (404): the user has to re-authorize
     */
    public Instant ensureFresh() {
        return expiresAt.get();
    }

    private Instant refresh() {
        try {
            return api.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(connectionId, null,
                    Map.of("Authorization", "Bearer " + credential.get())).getExpiresAt().toInstant();
        } catch (ApiException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                throw new GrantGoneException(RefreshAnswers.field(e.getResponseBody(), "detail"));
            }
            throw RefreshAnswers.otherFailure(e.getCode(), e);
        }
    }
}
