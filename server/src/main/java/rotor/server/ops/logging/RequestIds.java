package rotor.server.ops.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;
import rotor.server.http.FilterOrder;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id of its own, in the logging MDC as request_id for every line logged
 * while the request is handled (on whichever thread), so that JSON logs can be grouped by request.
 * It is made here, never taken from the client: a header value would be text an attacker writes
 * into the log. A dialect's correlation_id for an internal error is this same id.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements Ordered {

    public static final String MDC_KEY = "request_id";

    @RequestFilter
    public void assign(MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, newId().toString())));
    }

    /** The id of the request being handled on this thread, if any. */
    public static Optional<UUID> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY)).map(UUID::fromString);
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_ID;
    }

    /**
     * A version-4 UUID from the thread's own generator: an id must be unique, not unpredictable, and
     * UUID.randomUUID() would take the JDK's shared SecureRandom on the event loop for every request.
     */
    private static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
