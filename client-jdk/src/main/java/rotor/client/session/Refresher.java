package rotor.client.session;

/**
 * One contract's refresh call: presents a refresh token and answers the new pair, or says why not.
 * Each implementation maps its contract's answers to exactly three outcomes.
 */
@FunctionalInterface
public interface Refresher {

    /**
     * @return the new pair; its refresh token is the chain's new head (the same one again when the
     *         server does not rotate)
     * @throws GrantGoneException the contract's invalid-grant answer: no retry helps, a new login does
     * @throws TransientRefreshException the server or the network failed; the same refresh token may be tried again
     * @throws RefreshFailedException any other refusal (a misconfigured client), not retried
     */
    TokenPair refresh(String refreshToken);
}
