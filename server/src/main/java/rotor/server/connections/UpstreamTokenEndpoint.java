package rotor.server.connections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.ConnectionRecord;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Calls an upstream provider's RFC 6749 section 6 token endpoint: grant_type=refresh_token with
 * the stored refresh token, the client authenticated by HTTP Basic (RFC 6749 section 2.3.1) or
 * by form fields. The whole call (resolving the host, connecting, the headers, the body) has one
 * time budget and the body a size cap, because an upstream decides how slowly and how much it
 * sends.
 *
 * <p>The host is resolved once, by the {@link TokenUrlPolicy}, and the client connects to exactly
 * the addresses the policy judged (Apache HttpClient's {@link DnsResolver}): a second lookup, which
 * a host's DNS could answer with an internal address after the check (DNS rebinding), never
 * happens. No proxy, no redirect, no retry: each could send the secrets somewhere the policy did
 * not judge, or twice.
 */
@Singleton
public class UpstreamTokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamTokenEndpoint.class);
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");

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

    private final CloseableHttpClient http;
    private final Duration callTimeout;
    private final TokenUrlPolicy policy;
    private final UpstreamAnswers answers;
    private final Map<Class<? extends Answer>, Counter> calls;
    // A call blocks (DNS for as long as the system resolver likes, then the exchange): on a thread
    // of its own, so that the call's time budget bounds the caller's wait.
    private final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "upstream-call");
        thread.setDaemon(true);
        return thread;
    });

    public UpstreamTokenEndpoint(@Value("${rotor.connections.connect-timeout:5s}") Duration connectTimeout,
                                 @Value("${rotor.connections.read-timeout:10s}") Duration readTimeout,
                                 @Value("${rotor.connections.call-timeout:15s}") Duration callTimeout,
                                 TokenUrlPolicy policy, UpstreamAnswers answers, MeterRegistry registry) {
        Duration firstByte = readTimeout.compareTo(callTimeout) < 0 ? readTimeout : callTimeout;
        DnsResolver judged = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws TokenUrlPolicy.Refused {
                return policy.addressesToCall(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // no reverse lookup: the certificate is checked against the URL's host
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(judged)
                        .setMaxConnPerRoute(50)
                        .setMaxConnTotal(200)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(firstByte))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(callTimeout))
                        .setResponseTimeout(Timeout.of(firstByte))
                        .build())
                // One exchange per TCP connection: whatever an upstream sends past the answer it
                // declared would otherwise be read as the answer to the next call on that connection,
                // another connection's or another workspace's, which would then store tokens issued
                // to someone else. Upstream calls are rare (one per connection per token lifetime).
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .setUserAgent("rotor")
                .build();
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
        Optional<String> refusal = policy.refusal(tokenUrl); // the setting may have changed since registration
        if (refusal.isPresent()) {
            return failed(connection, "token URL refused: " + refusal.get());
        }
        HttpPost request = request(tokenUrl, connection, secrets);
        // Wrapped in the caller's context, so that what the call logs on its own thread carries the request's id.
        Callable<Answer> exchange = () -> http.execute(request, response -> interpret(connection, request, response));
        Future<Answer> call = callers.submit(PropagatedContext.wrapCurrent(exchange));
        try {
            return call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return failed(connection, "no complete answer within " + callTimeout);
        } catch (ExecutionException e) {
            return failed(connection, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(connection, "interrupted");
        } finally {
            request.cancel(); // closes the connection of a call still running, so that its thread ends too
            call.cancel(true);
        }
    }

    private static HttpPost request(URI tokenUrl, ConnectionRecord connection, ConnectionSecrets secrets) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", secrets.refreshToken());
        HttpPost request = new HttpPost(tokenUrl);
        request.setHeader("Accept", "application/json");
        if ("client_secret_post".equals(connection.clientAuthMethod())) {
            form.put("client_id", connection.clientId());
            form.put("client_secret", secrets.clientSecret());
        } else {
            String credentials = encode(connection.clientId()) + ":" + encode(secrets.clientSecret());
            request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        request.setEntity(new StringEntity(body, FORM));
        return request;
    }

    private Answer interpret(ConnectionRecord connection, HttpPost request, ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body;
        InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
        try {
            body = CappedBody.read(content, MAX_BODY_BYTES);
        } catch (IOException unread) {
            // Closing the body's stream reads it to its end to keep the connection for reuse: an
            // endless body would be downloaded for the whole call budget. Drop the connection first.
            request.cancel();
            throw unread;
        }
        // A body within the cap has been read to its end; http.execute releases the connection after this handler.
        Answer answer = answers.read(response.getCode(), body);
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
        callers.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    private static Answer failed(ConnectionRecord connection, String reason) {
        LOG.warn("connection {}: the upstream token endpoint failed: {}", connection.id(), reason);
        return new Failed(reason);
    }

    /** The reason to log: ours in full, anything else by its class only (a message may quote the upstream). */
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TokenUrlPolicy.Refused) {
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
}
