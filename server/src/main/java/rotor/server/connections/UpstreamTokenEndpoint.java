package rotor.server.connections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Calls an upstream provider's RFC 6749 section 6 token endpoint: grant_type=refresh_token with
 * the stored refresh token, the client authenticated by HTTP Basic (RFC 6749 section 2.3.1) or
 * by form fields. The whole call (resolving the host, connecting, the headers, the body) has one
 * time budget and the body a size cap, because an upstream decides how slowly and how much it
 * sends; and the host is judged by the {@link TokenUrlPolicy} right before anything is sent.
 */
@Singleton
public class UpstreamTokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamTokenEndpoint.class);
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** What the upstream said. */
    public sealed interface Answer permits Tokens, InvalidGrant, Failed {
    }

    /** New tokens; refreshToken is null when the upstream keeps the old one, lifetime when it says none. */
    public record Tokens(String accessToken, String refreshToken, Duration lifetime) implements Answer {
        @Override
        public String toString() {
            return "Tokens[...]";
        }
    }

    /** The upstream refused the refresh token: the user must authorize again. */
    public record InvalidGrant() implements Answer {
    }

    /** Refused by policy, unreachable, timed out, 5xx, too large, or an answer that is not a token response. */
    public record Failed(String reason) implements Answer {
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final TokenUrlPolicy policy;
    private final UpstreamAnswers answers;
    private final Map<Class<? extends Answer>, Counter> calls;
    // DNS lookups block, for as long as the system resolver likes: off the caller's thread, so
    // that the call's time budget bounds the caller's wait.
    private final ExecutorService resolvers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "upstream-resolver");
        thread.setDaemon(true);
        return thread;
    });

    public UpstreamTokenEndpoint(@Value("${rotor.connections.connect-timeout:5s}") Duration connectTimeout,
                                 @Value("${rotor.connections.read-timeout:10s}") Duration readTimeout,
                                 @Value("${rotor.connections.call-timeout:15s}") Duration callTimeout,
                                 TokenUrlPolicy policy, UpstreamAnswers answers, MeterRegistry registry) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
        this.policy = policy;
        this.answers = answers;
        this.calls = Map.of(Tokens.class, callCounter(registry, "ok"), InvalidGrant.class, callCounter(registry, "invalid_grant"),
                Failed.class, callCounter(registry, "failed"));
    }

    private static Counter callCounter(MeterRegistry registry, String result) {
        return Counter.builder("rotor.mielto.upstream.calls").description("Refreshes of mielto connections at their upstream, by result")
                .tag("result", result).register(registry);
    }

    /** The longest a call takes, answer or not. */
    public Duration callTimeout() {
        return callTimeout;
    }

    public Answer refresh(ConnectionRecord connection, ConnectionSecrets secrets) {
        Answer answer = call(connection, secrets);
        calls.get(answer.getClass()).increment();
        return answer;
    }

    private Answer call(ConnectionRecord connection, ConnectionSecrets secrets) {
        URI tokenUrl;
        try {
            tokenUrl = URI.create(connection.tokenUrl());
        } catch (IllegalArgumentException stored) {
            return failed(connection, "the stored token URL does not parse");
        }
        CappedBody body = new CappedBody(MAX_BODY_BYTES);
        CompletableFuture<HttpResponse<byte[]>> call = CompletableFuture.supplyAsync(() -> policy.refusalOfResolved(tokenUrl), resolvers)
                .thenCompose(refusal -> refusal.isPresent()
                        ? CompletableFuture.failedFuture(new Refused(refusal.get()))
                        : http.sendAsync(request(tokenUrl, connection, secrets), info -> body));
        try {
            HttpResponse<byte[]> response = call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return interpret(connection, response);
        } catch (TimeoutException e) {
            return failed(connection, "no complete answer within " + callTimeout);
        } catch (ExecutionException e) {
            return failed(connection, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(connection, "interrupted");
        } finally {
            call.cancel(true);
            body.abandon();
        }
    }

    private HttpRequest request(URI tokenUrl, ConnectionRecord connection, ConnectionSecrets secrets) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", secrets.refreshToken());
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .timeout(readTimeout.compareTo(callTimeout) < 0 ? readTimeout : callTimeout)
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
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Answer interpret(ConnectionRecord connection, HttpResponse<byte[]> response) {
        Answer answer = answers.read(response.statusCode(), response.body());
        if (answer instanceof Failed failure) {
            return failed(connection, failure.reason());
        }
        if (answer instanceof InvalidGrant) {
            LOG.info("connection {}: the upstream refused its refresh token (invalid_grant)", connection.id());
        }
        return answer;
    }

    @PreDestroy
    void close() {
        resolvers.shutdownNow();
    }

    private static Answer failed(ConnectionRecord connection, String reason) {
        LOG.warn("connection {}: the upstream token endpoint failed: {}", connection.id(), reason);
        return new Failed(reason);
    }

    /** The reason to log: ours in full, anything else by its class only (a message may quote the upstream). */
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused) {
                return "token URL refused: " + cause.getMessage();
            }
            if (cause instanceof CappedBody.TooLarge) {
                return cause.getMessage();
            }
        }
        return failure == null ? "unknown" : failure.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token URL's host is not one rotor may send secrets to. */
    private static final class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }
}
