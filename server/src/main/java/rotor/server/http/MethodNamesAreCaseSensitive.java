package rotor.server.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.web.router.Router;

import java.util.Set;
import java.util.TreeSet;

/**
 * RFC 9110 section 9.1: "The method token is case-sensitive". Micronaut upper-cases a method name
 * before it routes, so `post` ran a refresh and spent its token. A name that differs from the
 * method it was routed as is a method no path here takes: the dialect's 405, whose Allow names the
 * methods the path does take, as for any other method (`FOO` gets the same). It runs after the
 * request id and the request log, so the refusal is logged, and before security, so that the
 * answer does not depend on a credential.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MethodNamesAreCaseSensitive implements Ordered {

    private final Router router;

    MethodNamesAreCaseSensitive(Router router) {
        this.router = router;
    }

    @RequestFilter
    public void refuse(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.CUSTOM && !request.getMethodName().equals(method.name())) {
            Set<String> taken = methodsTaken(request);
            // No route: a path with nothing (its 404 follows) or a published file (PublishedFilesAreReadOnly's 405).
            if (!taken.isEmpty()) {
                throw new NotAllowedException(request.getMethodName(), request.getUri(), taken);
            }
        }
    }

    private Set<String> methodsTaken(HttpRequest<?> request) {
        Set<String> methods = new TreeSet<>();
        router.findAny(request).forEach(route -> methods.add(route.getHttpMethod().name()));
        return methods;
    }

    @Override
    public int getOrder() {
        return FilterOrder.METHOD_NAME;
    }
}
