package rotor.client.session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import rotor.client.session.store.RefreshTokenStore;

/**
 * One login's tokens, shared by any number of threads: hands out a valid access token, refreshes
 * it ahead of expiry exactly once however many callers notice, stores every new refresh token
 * before anyone gets the access token that came with it, and retries a refused call once with a
 * fresh token. What a refresh call looks like is the {@link Refresher}'s business.
 */
public final class TokenSession {

    private static final System.Logger LOG = System.getLogger(TokenSession.class.getName());

    /** A call made with an access token. */
    @FunctionalInterface
    public interface AuthorizedCall<T> {
        T call(String accessToken) throws Exception;
    }

    private final Refresher refresher;
    private final RefreshTokenStore store;
    private final Predicate<Throwable> rejection;
    private final AttemptLimit attemptLimit;
    private final FreshValue<TokenPair> pair;
    private volatile String chainHead;

    private TokenSession(Builder builder, String chainHead) {
        this.refresher = builder.refresher;
        this.store = builder.store;
        this.rejection = builder.rejection;
        this.attemptLimit = builder.attemptLimit;
        this.chainHead = chainHead;
        this.pair = new FreshValue<>(this::refreshChain, TokenPair::accessExpiresAt, builder.schedule, builder.retry,
                builder.clock, builder.waitLimit, builder.listener);
    }

    /**
     * @param refresher the contract's refresh call
     * @param store     where the chain's newest refresh token lives; a {@code FileRefreshTokenStore} in production
     */
    public static Builder builder(Refresher refresher, RefreshTokenStore store) {
        return new Builder(refresher, store);
    }

    /**
     * A valid access token.
     *
     * @throws GrantGoneException     the grant is gone: log in again
     * @throws RefreshFailedException no token now (transient failures outlasted the retries); try later
     */
    public String accessToken() {
        return pair.get().accessToken();
    }

    /**
     * Makes {@code call} with a valid access token; if the call reports the token refused (it throws
     * {@link AccessTokenRejectedException}, or anything the builder's {@code rejectedWhen} matches),
     * refreshes once and makes the call once more. A second refusal reaches the caller.
     */
    public <T> T call(AuthorizedCall<T> call) throws Exception {
        String token = accessToken();
        try {
            return call.call(token);
        } catch (Exception e) {
            if (!rejection.test(e)) {
                throw e;
            }
        }
        return call.call(replacing(token));
    }

    /**
     * Sends {@code request} with {@code Authorization: Bearer <access token>}; on a 401 refreshes
     * once and sends it once more, answering that second response whatever its status.
     */
    public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String token = accessToken();
        HttpResponse<T> response = client.send(withBearer(request, token), handler);
        if (response.statusCode() != 401) {
            return response;
        }
        if (response.body() instanceof AutoCloseable streamed) { // a streaming handler's body holds the connection
            try {
                streamed.close();
            } catch (Exception ignored) {
                // the answer is dropped either way
            }
        }
        return client.send(withBearer(request, replacing(token)), handler);
    }

    /** A token to use instead of {@code refused}: one refresh however many callers had it refused. */
    private String replacing(String refused) {
        return pair.replace(p -> p.accessToken().equals(refused)).accessToken();
    }

    private static HttpRequest withBearer(HttpRequest request, String token) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private TokenPair refreshChain() {
        String head = chainHead;
        TokenPair fresh;
        try {
            fresh = attemptLimit.run(() -> refresher.refresh(head));
        } catch (GrantGoneException e) {
            forget();
            throw e;
        }
        // The server has spent the old token: the new one is the chain's head from here on, stored or not.
        chainHead = fresh.refreshToken();
        try {
            store.save(fresh.refreshToken());
        } catch (RuntimeException e) {
            throw new RefreshFailedException("The new refresh token could not be stored; its access token is withheld", e);
        }
        return fresh;
    }

    private void forget() {
        try {
            store.clear();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The grant is gone but its refresh token store could not be cleared: {0}", e.getMessage());
        }
    }

    /** The settings of a session; only the refresher and the store are required. */
    public static final class Builder {

        private final Refresher refresher;
        private final RefreshTokenStore store;
        private String initialRefreshToken;
        private RefreshSchedule schedule = RefreshSchedule.DEFAULT;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Duration waitLimit = Duration.ofSeconds(60);
        private AttemptLimit attemptLimit = new AttemptLimit(AttemptLimit.DEFAULT);
        private SessionListener listener = SessionListener.NONE;
        private Predicate<Throwable> rejection = e -> e instanceof AccessTokenRejectedException;

        private Builder(Refresher refresher, RefreshTokenStore store) {
            this.refresher = Objects.requireNonNull(refresher, "refresher");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The first login's refresh token, used (and stored) only when the store holds none yet. */
        public Builder initialRefreshToken(String refreshToken) {
            this.initialRefreshToken = refreshToken;
            return this;
        }

        /** Refresh {@code skew} before the access token expires, plus up to {@code jitter} (default 30 s, 10 s). */
        public Builder refreshAhead(Duration skew, Duration jitter) {
            this.schedule = new RefreshSchedule(skew, jitter);
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How long a caller waits for a refresh another caller is making (default 60 s). */
        public Builder waitLimit(Duration waitLimit) {
            this.waitLimit = Objects.requireNonNull(waitLimit);
            return this;
        }

        /**
         * The longest one refresh call may take (default 30 s), whatever its HTTP client's own
         * timeouts: past it the call is abandoned and retried, see {@link AttemptLimit}.
         */
        public Builder attemptLimit(Duration limit) {
            this.attemptLimit = new AttemptLimit(limit);
            return this;
        }

        public Builder listener(SessionListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Which failures of an {@link AuthorizedCall} mean "this access token was refused", besides
         * {@link AccessTokenRejectedException}; for example a generated client's exception with code 401.
         */
        public Builder rejectedWhen(Predicate<Throwable> rejection) {
            Predicate<Throwable> ours = e -> e instanceof AccessTokenRejectedException;
            this.rejection = ours.or(Objects.requireNonNull(rejection));
            return this;
        }

        /**
         * @throws IllegalStateException neither the store nor {@link #initialRefreshToken} has a refresh token
         */
        public TokenSession build() {
            String head = store.load().orElse(null);
            if (head == null) {
                if (initialRefreshToken == null) {
                    throw new IllegalStateException("No refresh token: the store is empty and no initial one was given");
                }
                store.save(initialRefreshToken);
                head = initialRefreshToken;
            }
            return new TokenSession(this, head);
        }
    }
}
