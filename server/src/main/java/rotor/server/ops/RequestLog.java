package rotor.server.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.admin.AdminToken;
import rotor.server.http.FilterOrder;

/**
 * One log line per request: method, path (with anything shaped like a secret redacted, see
 * {@link LoggedPath}), status, latency. The path only, never the query string,
 * headers or body: that is where tokens travel.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLog implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String STARTED = RequestLog.class.getName() + ".started";

    private final AdminToken adminToken;

    public RequestLog(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        if (LOG.isInfoEnabled()) {
            long tenthsOfMillis = (System.nanoTime() - started) / 100_000;
            LOG.info("{} {} {} {}.{}ms", method(request), LoggedPath.of(request.getPath(), adminToken::occurrencesIn), response.code(), tenthsOfMillis / 10,
                    tenthsOfMillis % 10);
        }
    }

    /**
     * A method rotor knows is logged as it was sent (post, FOO's 405 are worth seeing); any other
     * name is a client's text like the path, where a secret is as likely as anywhere.
     */
    private String method(HttpRequest<?> request) {
        String sent = request.getMethodName();
        return request.getMethod() != HttpMethod.CUSTOM ? sent : LoggedPath.of(sent, adminToken::occurrencesIn);
    }

    /**
     * Around every filter but the request id's. Micronaut skips the response filter of a filter
     * upstream of one that fails, and without an order of its own this one ran after filters that
     * refuse by failing (a lower-case method name), whose answers then had no line.
     */
    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_LOG;
    }
}
