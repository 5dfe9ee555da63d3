package rotor.client.session;

/** A refresh that failed for a reason that may pass: a 5xx answer, a timeout, a broken connection. */
public class TransientRefreshException extends RuntimeException {

    /** @param status the HTTP status, 0 when no answer came */
    public TransientRefreshException(int status, Throwable cause) {
        super(status == 0 ? "No answer from the token endpoint" : "The token endpoint answered HTTP " + status, cause);
    }
}
