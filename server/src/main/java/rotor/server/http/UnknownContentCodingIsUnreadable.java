package rotor.server.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import io.netty.handler.codec.compression.DecompressionException;

/**
 * A body in a content coding the server does not decode is a body it cannot read: the dialect's
 * 400 for an unreadable body (RequestFailure.unreadableBody), never the coded bytes read as if they
 * were plain, which spent the token in "Content-Encoding: xyz" or "br" and answered 200.
 * The server decodes gzip and deflate (and removes the header once it has); whatever
 * Content-Encoding is still on the request when it reaches the filters is one it left as it came
 * ("xyz", "br", "zstd", "compress", or a list such as "gzip, br"). RFC 9110 section 8.4.1 leaves the
 * status to the server: rotor documents one answer to any unreadable body.
 *
 * <p>Only a route that reads its body refuses one: elsewhere (a page, a 404, a 405, dayzero's
 * refresh that reads no body) the request gets what it would get with the body plain, as it does
 * with gzip that is not gzip, which is found only when the body is read. Refusing there was a 500,
 * since only the dialects' routes know this failure. It runs after security, so that a caller
 * without the admin token gets the 401 and learns nothing of a body it may not send.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class UnknownContentCodingIsUnreadable implements Ordered {

    @RequestFilter
    public void refuse(HttpRequest<?> request) {
        String coding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity") && hasBody(request)
                && readsItsBody(request)) {
            throw new DecompressionException("a body in a content coding this server does not decode");
        }
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING) || request.getContentLength() > 0;
    }

    private static boolean readsItsBody(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).map(RouteMatch::getRouteInfo).filter(RouteInfo::needsRequestBody).isPresent();
    }

    @Override
    public int getOrder() {
        return FilterOrder.CONTENT_CODING;
    }
}
