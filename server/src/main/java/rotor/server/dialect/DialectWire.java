package rotor.server.dialect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.UUID;

/**
 * The half of answering that every wire shares: a failure is a bug or an outage (logged once,
 * under a correlation id, answered 500), a route refused outside any contract (404, 405), or a
 * request the contract does not accept; the subclass words each in its dialect's body. It also
 * holds the one cast from a wire's answer to a controller's declared return type.
 */
public abstract class DialectWire implements DialectErrors {

    private final String name;
    private final String pathPrefix;

    /**
     * @param name the dialect's name in the log line of an internal error
     * @param pathPrefix the path, or the start of the paths, of the dialect's operations
     */
    protected DialectWire(String name, String pathPrefix) {
        this.name = name;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public final String pathPrefix() {
        return pathPrefix;
    }

    @Override
    public final MutableHttpResponse<?> failure(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Unexpected unexpected) {
            return internal(InternalErrors.log(name, unexpected.failure()), unexpected.failure());
        }
        if (failure instanceof RequestFailure.Refused refused) {
            return refusedRoute(refused);
        }
        return invalidRequest(request, failure);
    }

    /**
     * The dialect's 500. The failure is already logged under the correlation id; it is never put
     * on the wire unless the dialect says so (session's debug mode).
     *
     * @param failure what went wrong, or null when the store gave up (the INTERNAL outcome)
     */
    protected abstract MutableHttpResponse<?> internal(UUID correlationId, @Nullable Throwable failure);

    /** No such route, or a method the route does not take: the refusal's status (and Allow) in the dialect's body. */
    protected abstract MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused);

    /** Anything else that kept the request from a controller: missing, invalid, unreadable or too large. */
    protected abstract MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure);

    /** The name this wire logs internal errors under. */
    protected final String name() {
        return name;
    }

    /**
     * The generated interfaces declare {@code HttpResponse<SuccessModel>}, while a refusal carries
     * the dialect's error model; Micronaut serialises whatever body the response holds, so the
     * type argument is only the compiler's. This is the one place that says so.
     */
    @SuppressWarnings("unchecked")
    protected static <T> MutableHttpResponse<T> typed(MutableHttpResponse<?> response) {
        return (MutableHttpResponse<T>) response;
    }
}
