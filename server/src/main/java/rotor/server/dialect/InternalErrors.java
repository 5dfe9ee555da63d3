package rotor.server.dialect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.ops.logging.RequestIds;

import java.util.UUID;

/**
 * Logs an unexpected failure under a correlation id that the wire may show. The stack trace
 * stays in the server log; no dialect ever puts it on the wire.
 */
public final class InternalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);

    private InternalErrors() {
    }

    /** The request's own id (its request_id in the logs), so that the id a client quotes finds every line of its request. */
    private static UUID correlationId() {
        return RequestIds.current().orElseGet(UUID::randomUUID);
    }

    public static UUID log(String dialect, Throwable failure) {
        UUID correlationId = correlationId();
        LOG.error("{}: internal error, correlation_id={}", dialect, correlationId, failure);
        return correlationId;
    }

    /** For the store's own give-up (INTERNAL outcome): there is no exception to show. */
    public static UUID log(String dialect, String what) {
        UUID correlationId = correlationId();
        LOG.error("{}: internal error, correlation_id={}: {}", dialect, correlationId, what);
        return correlationId;
    }
}
