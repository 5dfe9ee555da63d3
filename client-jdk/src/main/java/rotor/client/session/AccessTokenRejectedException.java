package rotor.client.session;

/**
 * Thrown by a {@link TokenSession.AuthorizedCall} whose access token the resource server refused
 * (its 401): the session refreshes once and makes the call once more.
 */
public class AccessTokenRejectedException extends RuntimeException {

    public AccessTokenRejectedException(String message) {
        super(message);
    }
}
