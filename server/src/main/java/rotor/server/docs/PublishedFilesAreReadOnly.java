package rotor.server.docs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import rotor.server.http.FilterOrder;

/**
 * The files rotor publishes (application.yml's static resources: the contracts, the /docs page,
 * Swagger UI's webjar) answer GET and HEAD only. Micronaut serves a static file for any method, so a
 * DELETE of a contract would answer 200 with the contract; RFC 9110 section 15.5.6 has 405 for that.
 */
@ServerFilter({"/openapi/**", "/docs", "/docs/**", "/webjars/swagger-ui/**"})
public class PublishedFilesAreReadOnly implements Ordered {

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> refuseWrites(HttpRequest<?> request) {
        // The name as sent: RFC 9110 section 9.1 has method names case-sensitive, and "get" is no GET.
        String method = request.getMethodName();
        if (method.equals(HttpMethod.GET.name()) || method.equals(HttpMethod.HEAD.name())) {
            return null;
        }
        return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET, HEAD");
    }

    @Override
    public int getOrder() {
        return FilterOrder.PUBLISHED_FILES;
    }
}
