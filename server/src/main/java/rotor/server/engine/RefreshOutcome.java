package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

/** What one refresh came to; each dialect maps it to its own wire. Only OK carries tokens. */
public record RefreshOutcome(Status status, @Nullable IssuedTokens tokens) {

    public enum Status {
        /** Known, unused (or retried inside the grace period), unexpired, grant live: here is the new pair. */
        OK,
        /** No refresh token was presented at all. */
        MISSING,
        /** The tenant the request names is not of the dialect's form (not a UUID, not an int32, ...). */
        MALFORMED_TENANT,
        /** The presented value is not a token of this server's format at all. */
        MALFORMED_TOKEN,
        /** Unknown, expired, or presented under another tenant, dialect or client. */
        INVALID_GRANT,
        /** The token's grant was revoked (onboard tells this apart; the others answer as INVALID_GRANT). */
        REVOKED,
        /** A spent token was presented again outside the grace period: the whole grant is now revoked. */
        REUSED,
        /** The requested scope is wider than the token's. */
        INVALID_SCOPE,
        /** The store kept failing transiently (lock or serialization failures) after retries. */
        INTERNAL
    }

    static RefreshOutcome ok(IssuedTokens tokens) {
        return new RefreshOutcome(Status.OK, tokens);
    }

    static RefreshOutcome of(Status status) {
        return new RefreshOutcome(status, null);
    }
}
