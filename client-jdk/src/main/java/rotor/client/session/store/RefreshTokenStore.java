package rotor.client.session.store;

import java.util.Optional;

/**
 * Where a session keeps the newest refresh token of its chain, so that a restarted client resumes
 * the chain instead of presenting a spent token (which the server takes for theft and answers by
 * revoking the grant). {@link #save} must be durable when it returns.
 */
public interface RefreshTokenStore {

    Optional<String> load();

    void save(String refreshToken);

    /** Forgets the token: the grant is gone. */
    void clear();
}
