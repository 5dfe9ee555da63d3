package rotor.client.session;

/**
 * A refresh that did not succeed, and not because the grant is gone: transient failures outlasted
 * the retries, the answer was one no retry fixes (a misconfigured client), or the new refresh token
 * could not be stored. The session stays usable: a later call tries again.
 */
public class RefreshFailedException extends RuntimeException {

    public RefreshFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
