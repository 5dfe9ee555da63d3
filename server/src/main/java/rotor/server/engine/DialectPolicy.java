package rotor.server.engine;

import java.time.Duration;

/**
 * How one dialect's tokens live.
 *
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token is valid, and the grant's absolute lifetime
 * @param rotation whether a refresh spends the presented token and issues a successor
 * @param gracePeriod how long after its use the immediately superseded token may be retried
 * @param idleTimeout a grant whose newest token went unused this long expires; zero means never
 * @param graceReissues how often one spent token may get a fresh successor inside the grace period
 * @param audience the aud of the dialect's access tokens (RFC 9068 section 3): only its own
 *                 resource servers accept them
 */
public record DialectPolicy(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotation,
        Duration gracePeriod,
        Duration idleTimeout,
        int graceReissues,
        String audience) {

    /** Access tokens 1 h, refresh tokens 30 days, rotation on, no grace (one re-issue once one is set), no idle timeout. */
    public static DialectPolicy standard(String audience) {
        return new DialectPolicy(Duration.ofHours(1), Duration.ofDays(30), true, Duration.ZERO, Duration.ZERO, 1, audience);
    }

    public DialectPolicy withAccessTokenLifetime(Duration lifetime) {
        return new DialectPolicy(lifetime, refreshTokenLifetime, rotation, gracePeriod, idleTimeout, graceReissues, audience);
    }
}
