package rotor.client.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token, the refresh token that came with it, and when the access token expires.
 * {@link #toString()} shows neither token: a pair may end up in a log line or an exception.
 */
public record TokenPair(String accessToken, String refreshToken, Instant accessExpiresAt) {

    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    }

    @Override
    public String toString() {
        return "TokenPair[access token and refresh token redacted, accessExpiresAt=" + accessExpiresAt + "]";
    }
}
