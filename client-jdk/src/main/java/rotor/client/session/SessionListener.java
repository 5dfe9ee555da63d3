package rotor.client.session;

import java.time.Instant;

/** What a session tells its owner; never a token. Called on the refreshing thread: keep it quick. */
public interface SessionListener {

    /** A new pair was received and stored. */
    default void refreshed(Instant accessExpiresAt) {
    }

    /** A refresh attempt failed transiently; another follows after {@code attempt}'s backoff unless it was the last. */
    default void transientFailure(int attempt, RuntimeException failure) {
    }

    /** The grant is gone: every later call throws {@link GrantGoneException} until a new login. */
    default void grantGone(GrantGoneException gone) {
    }

    SessionListener NONE = new SessionListener() {
    };
}
