package rotor.server.dialect.session;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.api.session.model.Response;
import rotor.server.api.session.model.Token;
import rotor.server.api.session.model.TokenEnvelope;
import rotor.server.dialect.RefreshWire;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * session's wire: every answer an envelope {data, code, msg}; a failure carries a correlation id
 * in the body, in X-Correlation-Id and in the log line (../shared/CONTRACTS.md).
 */
@Singleton
public class SessionWire extends RefreshWire {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWire.class);
    static final String PATH = "/session/token/refresh";
    private static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final ZoneId zone;
    private final boolean debug;

    public SessionWire(@Value("${rotor.session.zone:UTC}") String zone, @Value("${rotor.session.debug:false}") boolean debug) {
        super("session", PATH);
        this.zone = ZoneId.of(zone);
        this.debug = debug;
    }

    @Override
    protected Object success(IssuedTokens tokens) {
        Token data = new Token(tokens.accessToken(), local(tokens.accessExpiresAt()), tokens.refreshToken(), local(tokens.refreshExpiresAt()));
        return new TokenEnvelope(data, 0).msg("");
    }

    @Override
    protected MutableHttpResponse<?> refusal(RefreshOutcome.Status status) {
        return switch (status) {
            case MISSING -> badRequest("refresh_token is required");
            case MALFORMED_TENANT, MALFORMED_TOKEN -> badRequest("refresh_token is not a token of this server");
            case INVALID_GRANT, REVOKED, REUSED, INVALID_SCOPE ->
                    refused(HttpStatus.UNAUTHORIZED, 40101, "invalid or expired refresh token", status.name());
            case OK, INTERNAL -> throw notARefusal(status);
        };
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        // The seed: the internal message is "only visible in debug mode".
        String detail = debug ? (failure != null ? failure.getClass().getName() + ": " + failure.getMessage() : STORE_GAVE_UP) : null;
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, 50000, "internal server error", correlationId, detail);
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.allowing(refused(HttpStatus.valueOf(refused.status()), refused.status() * 100 + 1, refused.reason(), "request"));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Oversized) {
            return badRequest("the request is too large");
        }
        if (failure instanceof RequestFailure.Violations) {
            return badRequest("refresh_token is required");
        }
        return badRequest("the request body must be a JSON object with a refresh_token");
    }

    private MutableHttpResponse<?> badRequest(String message) {
        return refused(HttpStatus.BAD_REQUEST, 40001, message, "request");
    }

    private MutableHttpResponse<?> refused(HttpStatus status, int code, String message, String reason) {
        UUID correlationId = UUID.randomUUID();
        LOG.info("session refresh refused: status={} code={} reason={} correlation_id={}", status.getCode(), code, reason, correlationId);
        return envelope(status, code, message, correlationId, null);
    }

    private static MutableHttpResponse<?> envelope(HttpStatus status, int code, String message, UUID correlationId, String error) {
        Response body = new Response(null, code).msg(message).correlationId(correlationId).error(error);
        return TokenResponses.noStore(HttpResponse.status(status).body(body)).header(CORRELATION_HEADER, correlationId.toString());
    }

    /** In the configured zone, to the microsecond; SessionTokenSerializer writes it as the seed does. */
    private OffsetDateTime local(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atZone(zone).toOffsetDateTime();
    }
}
