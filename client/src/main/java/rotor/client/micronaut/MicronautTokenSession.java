package rotor.client.micronaut;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import rotor.client.session.Refresher;
import rotor.client.session.TokenSession;
import rotor.client.session.store.RefreshTokenStore;

import java.util.function.Supplier;

/**
 * The thin Micronaut adapter of client-jdk's {@link TokenSession}: calls of the generated
 * declarative clients made with the session's access token as their Bearer {@link Credential}. A
 * call refused with 401 makes the session refresh once (however many callers were refused with
 * the same token) and is made once more; everything else about keeping the token fresh (single
 * flight, refreshing ahead of expiry, storing the new refresh token first, telling a gone grant
 * from a transient failure) is the session's.
 *
 * <pre>{@code
 * var session = new MicronautTokenSession(MicronautTokenSession.builder(refresher, store).build());
 * var connection = session.call(() -> connections.getConnection(connectionId));
 * }</pre>
 */
public final class MicronautTokenSession {

    private final TokenSession session;

    /**
     * @param session built by {@link #builder}, or by any builder whose {@code rejectedWhen} knows
     *                {@link #refused(Throwable)}
     */
    public MicronautTokenSession(TokenSession session) {
        this.session = session;
    }

    /** A session builder that takes a declarative client's 401 for a refused access token. */
    public static TokenSession.Builder builder(Refresher refresher, RefreshTokenStore store) {
        return TokenSession.builder(refresher, store).rejectedWhen(MicronautTokenSession::refused);
    }

    /** Whether a failure is the generated clients' answer to a refused access token. */
    public static boolean refused(Throwable failure) {
        return failure instanceof HttpClientResponseException response && response.getStatus() == HttpStatus.UNAUTHORIZED;
    }

    /** Makes the call with {@code Authorization: Bearer <access token>}; a 401 refreshes once and retries once. */
    public <T> T call(Supplier<T> call) throws Exception {
        return session.call(accessToken -> {
            try (var ignored = Credential.bearer(accessToken).open()) {
                return call.get();
            }
        });
    }

    /** The session under this adapter, for its access token or to share it with JDK clients. */
    public TokenSession session() {
        return session;
    }
}
