package rotor.client.session;

/**
 * The grant behind a session is gone (reuse detected, revoked, expired): the server said so in its
 * contract's invalid-grant answer. No retry can help; the user has to log in again.
 */
public class GrantGoneException extends RuntimeException {

    private final String answer;

    /** @param answer the contract's own words for it (an error code, never a token) */
    public GrantGoneException(String answer) {
        super("The grant is gone (" + answer + "): a new login is needed");
        this.answer = answer;
    }

    /** The same verdict, thrown again to a later caller. */
    public GrantGoneException(GrantGoneException first) {
        super(first.getMessage(), first);
        this.answer = first.answer;
    }

    /** The contract's answer, e.g. {@code invalid_grant}, {@code REFRESH_TOKEN_REVOKED}, {@code 40101}. */
    public String answer() {
        return answer;
    }
}
