package rotor.server.docs;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import rotor.server.http.FilterOrder;

/**
 * /docs (and Swagger UI's own page in its webjar) is where an operator pastes the admin token to try a call. A page of another origin that
 * framed it could lay its own controls over it (clickjacking), so browsers are told never to frame
 * it: CSP frame-ancestors (CSP Level 2) and, for browsers before it, X-Frame-Options (RFC 7034).
 */
@ServerFilter({"/docs", "/docs/**", "/webjars/swagger-ui/**"})
public class DocsPageIsNeverFramed implements Ordered {

    @ResponseFilter
    public void forbidFraming(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", "frame-ancestors 'none'");
        response.header("X-Frame-Options", "DENY");
    }

    @Override
    public int getOrder() {
        return FilterOrder.PAGE_HEADERS;
    }
}
