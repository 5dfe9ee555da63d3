package rotor.server.dialect;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * How one dialect words the failures the server detects before any controller runs (a wrong
 * media type, a body too large), so that those too answer in the dialect's own shape.
 */
public interface DialectErrors {

    /** The path, or the start of the paths, of this dialect's operations. */
    String pathPrefix();

    /** Whether the request is for one of this dialect's operations. */
    default boolean serves(HttpRequest<?> request) {
        return request.getPath().startsWith(pathPrefix());
    }

    MutableHttpResponse<?> failure(HttpRequest<?> request, RequestFailure failure);
}
