package rotor.client.session.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import rotor.client.session.RefreshFailedException;
import rotor.client.session.TransientRefreshException;

/** What the refreshers share about failed answers: reading an error body, and what is worth a retry. */
final class RefreshAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RefreshAnswers() {
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
