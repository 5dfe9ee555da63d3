package rotor.client.session.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import rotor.client.session.RefreshFailedException;
import rotor.client.session.TransientRefreshException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What the refreshers share about failed answers: reading an error body, and what is worth a retry. */
final class RefreshAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an answer without expires_in is taken to live (RFC 6749 section 5.1 makes it optional). */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(5);

    private RefreshAnswers() {
    }

    /** When an access token of {@code expiresIn} seconds, received now, expires; a missing one counts as short-lived. */
    static Instant expiresAt(Clock clock, Number expiresIn) {
        return clock.instant().plus(expiresIn == null ? ASSUMED_LIFETIME : Duration.ofSeconds(expiresIn.longValue()));
    }

    /** A top-level member of a JSON error body as text; empty when the body is no JSON object or lacks it. */
    static String field(String body, String name) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(body).path(name).asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /**
     * Any failure that is not the contract's invalid-grant answer: no answer at all (status 0),
     * 408, 429 and 5xx may pass and are retried; anything else is a refusal no retry fixes.
     */
    static RuntimeException otherFailure(int status, Exception cause) {
        if (status == 0 || status == 408 || status == 429 || status >= 500) {
            return new TransientRefreshException(status, cause);
        }
        return new RefreshFailedException("The token endpoint refused the refresh with HTTP " + status, cause);
    }
}
