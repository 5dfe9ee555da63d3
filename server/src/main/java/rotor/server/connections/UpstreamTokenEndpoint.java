package rotor.server.connections;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.ConnectionRecord;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls an upstream provider's RFC 6749 section 6 token endpoint: grant_type=refresh_token with
 * the stored refresh token, the client authenticated by HTTP Basic (RFC 6749 section 2.3.1) or
 * by form fields, with connect and read timeouts.
 */
@Singleton
public class UpstreamTokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamTokenEndpoint.class);

    /** What the upstream said. */
    public sealed interface Answer permits Tokens, InvalidGrant, Failed {
    }

    /** New tokens; refreshToken is null when the upstream keeps the old one (RFC 6749 section 6). */
    public record Tokens(String accessToken, String refreshToken, Long expiresIn) implements Answer {
        @Override
        public String toString() {
            return "Tokens[...]";
        }
    }

    /** The upstream refused the refresh token: the user must authorize again. */
    public record InvalidGrant() implements Answer {
    }

    /** Unreachable, timed out, 5xx, or an answer that is not a token response. */
    public record Failed(String reason) implements Answer {
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final JsonMapper json;

    public UpstreamTokenEndpoint(@Value("${rotor.connections.connect-timeout:5s}") Duration connectTimeout,
                                 @Value("${rotor.connections.read-timeout:10s}") Duration readTimeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.json = json;
    }

    public Answer refresh(ConnectionRecord connection, ConnectionSecrets secrets) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", secrets.refreshToken());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.tokenUrl()))
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if ("client_secret_post".equals(connection.clientAuthMethod())) {
            form.put("client_id", connection.clientId());
            form.put("client_secret", secrets.clientSecret());
        } else {
            String credentials = encode(connection.clientId()) + ":" + encode(secrets.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return interpret(connection, response);
        } catch (IOException e) {
            return failed(connection, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(connection, "interrupted");
        }
    }

    private Answer interpret(ConnectionRecord connection, HttpResponse<String> response) {
        Map<?, ?> answer;
        try {
            answer = json.readValue(response.body(), Map.class);
        } catch (IOException | RuntimeException notJson) {
            return failed(connection, "status " + response.statusCode() + " without a JSON body");
        }
        if (response.statusCode() == 200 && answer != null && answer.get("access_token") instanceof String accessToken) {
            Object refreshToken = answer.get("refresh_token");
            Object expiresIn = answer.get("expires_in");
            return new Tokens(accessToken, refreshToken instanceof String s && !s.isEmpty() ? s : null,
                    expiresIn instanceof Number n ? n.longValue() : null);
        }
        if ((response.statusCode() == 400 || response.statusCode() == 401) && answer != null && "invalid_grant".equals(answer.get("error"))) {
            LOG.info("connection {}: the upstream refused its refresh token (invalid_grant)", connection.id());
            return new InvalidGrant();
        }
        return failed(connection, "status " + response.statusCode() + (answer != null && answer.get("error") != null ? " " + answer.get("error") : ""));
    }

    private static Answer failed(ConnectionRecord connection, String reason) {
        LOG.warn("connection {}: the upstream token endpoint failed: {}", connection.id(), reason);
        return new Failed(reason);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
