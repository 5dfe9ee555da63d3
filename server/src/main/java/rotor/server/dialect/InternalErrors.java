package rotor.server.dialect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Logs an unexpected failure under a correlation id that the wire may show. The stack trace
 * stays in the server log; no dialect ever puts it on the wire.
 */
public final class InternalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);

    private InternalErrors() {
    }

    public static UUID log(String dialect, Throwable failure) {
        UUID correlationId = UUID.randomUUID();
        LOG.error("{}: internal error, correlation_id={}", dialect, correlationId, failure);
        return correlationId;
    }

    /** For the store's own give-up (INTERNAL outcome): there is no exception to show. */
    public static UUID log(String dialect, String what) {
        UUID correlationId = UUID.randomUUID();
        LOG.error("{}: internal error, correlation_id={}: {}", dialect, correlationId, what);
        return correlationId;
    }
}
