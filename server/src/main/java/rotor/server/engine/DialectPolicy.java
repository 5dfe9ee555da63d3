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
 */
public record DialectPolicy(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotation,
        Duration gracePeriod,
        Duration idleTimeout) {
}
