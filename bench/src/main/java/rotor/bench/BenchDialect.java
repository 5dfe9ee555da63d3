package rotor.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How each dialect's refresh call looks on the wire (the README's walk-through), and where its
 * answer carries the next refresh token. The ceiling gets the very same requests.
 */
enum BenchDialect {

    OAUTH2("/oauth2/token", Answers.SNAKE) {
        @Override
        String grant(String subject, String clientId) {
            return "{\"dialect\":\"oauth2\",\"subject\":\"" + subject + "\",\"scope\":\"read\",\"client_id\":\"" + clientId + "\"}";
        }

        @Override
        HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth) {
            // client_secret_basic, as RFC 6749 section 2.3.1 recommends and the README shows
            return request.header("Authorization", "Basic " + basicAuth)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + token));
        }
    },
    PARTNER("/v1/auth/token", Answers.SNAKE) {
        @Override
        String grant(String subject, String clientId) {
            return "{\"dialect\":\"partner\",\"subject\":\"" + subject + "\",\"tenant\":\"" + PARTNER_ID + "\"}";
        }

        @Override
        HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth) {
            return request.header("partnerId", PARTNER_ID).header("grantType", "refresh_token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + token + "\"}"));
        }
    },
    SESSION("/session/token/refresh", Answers.SNAKE) {
        @Override
        String grant(String subject, String clientId) {
            return "{\"dialect\":\"session\",\"subject\":\"" + subject + "\"}";
        }

        @Override
        HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth) {
            return request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + token + "\"}"));
        }
    },
    DAYZERO("/api/v1/oauth2/refresh", Answers.SNAKE) {
        @Override
        String grant(String subject, String clientId) {
            return "{\"dialect\":\"dayzero\",\"subject\":\"" + subject + "\",\"tenant\":\"" + BUSINESS_ID + "\",\"scope\":\"read\"}";
        }

        @Override
        HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth) {
            return request.header("Authorization", "Bearer " + token).header("x-business-id", BUSINESS_ID)
                    .POST(HttpRequest.BodyPublishers.noBody());
        }
    },
    ONBOARD("/auth/oauth/refresh-token", Answers.ONBOARD) {
        @Override
        String grant(String subject, String clientId) {
            return "{\"dialect\":\"onboard\",\"subject\":\"" + subject + "\"}";
        }

        @Override
        HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth) {
            return request.header("x-auth-token", token).POST(HttpRequest.BodyPublishers.noBody());
        }
    };

    static final String PARTNER_ID = "1042";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String BUSINESS_ID = "3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b";

    private final String path;
    private final Pattern nextToken;

    BenchDialect(String path, Pattern nextToken) {
        this.path = path;
        this.nextToken = nextToken;
    }

    /** The admin API's body for one grant (POST /admin/v1/grants). */
    abstract String grant(String subject, String clientId);

    /** The refresh request presenting {@code token}, headers and body as the dialect's contract has them. */
    abstract HttpRequest.Builder refresh(HttpRequest.Builder request, String token, String basicAuth);

    HttpRequest refreshRequest(URI base, String token, String basicAuth) {
        return refresh(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT), token, basicAuth).build();
    }

    /** Where rotor's successful answer in this dialect carries the next refresh token. */
    Pattern nextToken() {
        return nextToken;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BenchDialect named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dialect " + name + "; one of "
                    + Arrays.stream(values()).map(BenchDialect::wireName).collect(Collectors.joining(", ")), e);
        }
    }

    /** The answer shapes: an OAuth-style body (session's inside its envelope), and onboard's nested object. */
    static final class Answers {
        static final Pattern SNAKE = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
        static final Pattern ONBOARD = Pattern.compile("\"refreshToken\":\\{\"token\":\"([^\"]+)\"");

        private Answers() {
        }
    }
}
