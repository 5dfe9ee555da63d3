package rotor.server.connections;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an upstream token endpoint's answer (RFC 6749 sections 5.1, 5.2) into what rotor keeps.
 * Everything that could make storing fail is judged here, before anything is stored: a token
 * too long for its column, an expires_in no Instant can add.
 */
@Singleton
public class UpstreamAnswers {

    /** What sealed (AES-GCM, base64) still fits the 16384-character columns, with room to spare. */
    static final int MAX_TOKEN_BYTES = 8192;
    static final Duration MAX_LIFETIME = Duration.ofDays(3650);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");

    private final JsonMapper json;

    public UpstreamAnswers(JsonMapper json) {
        this.json = json;
    }

    public UpstreamTokenEndpoint.Answer read(int status, byte[] body) {
        Map<?, ?> answer;
        try {
            answer = json.readValue(body, Map.class);
        } catch (IOException | RuntimeException notJson) {
            return new UpstreamTokenEndpoint.Failed("status " + status + " without a JSON body");
        }
        if (answer == null) {
            return new UpstreamTokenEndpoint.Failed("status " + status + " without a JSON object");
        }
        // RFC 6749 section 5.1: access_token is REQUIRED; an empty one is none.
        if (status == 200 && answer.get("access_token") instanceof String accessToken && !accessToken.isEmpty()) {
            String refreshToken = answer.get("refresh_token") instanceof String s && !s.isEmpty() ? s : null;
            if (tooLong(accessToken) || tooLong(refreshToken)) {
                return new UpstreamTokenEndpoint.Failed("a token over " + MAX_TOKEN_BYTES + " bytes");
            }
            return new UpstreamTokenEndpoint.Tokens(accessToken, refreshToken, lifetime(answer.get("expires_in")));
        }
        if ((status == 400 || status == 401) && "invalid_grant".equals(answer.get("error"))) {
            return new UpstreamTokenEndpoint.InvalidGrant();
        }
        // The error code only: error_description is the upstream's free text.
        Object error = answer.get("error");
        return new UpstreamTokenEndpoint.Failed("status " + status + (error instanceof String code && code.length() <= 64 ? " " + code : ""));
    }

    private static boolean tooLong(String token) {
        return token != null && token.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES;
    }

    /** expires_in clamped to 0 .. 10 years; null when absent or not a number. */
    static Duration lifetime(Object expiresIn) {
        BigDecimal seconds;
        if (expiresIn instanceof Double || expiresIn instanceof Float) {
            double value = ((Number) expiresIn).doubleValue();
            if (Double.isNaN(value)) {
                return null;
            }
            seconds = Double.isInfinite(value) ? BigDecimal.valueOf(value > 0 ? Long.MAX_VALUE : -1) : BigDecimal.valueOf(value);
        } else if (expiresIn instanceof Number || (expiresIn instanceof String s && INTEGER.matcher(s).matches())) {
            seconds = new BigDecimal(expiresIn.toString());
        } else {
            return null;
        }
        if (seconds.signum() < 0) {
            return Duration.ZERO;
        }
        return seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.getSeconds())) > 0 ? MAX_LIFETIME : Duration.ofSeconds(seconds.longValue());
    }
}
