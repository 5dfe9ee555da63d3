package rotor.server.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The order of rotor's server filters, all in one place: a lower number runs first, and a filter
 * wraps the ones after it, so its response filter also sees the answer of an inner filter that
 * refused the request. Every rotor filter names its place here; a filter with no order of its own
 * runs wherever Micronaut puts it, which once let a body's content coding be judged before the
 * admin token was.
 */
public final class FilterOrder {

    /** The request id first, so that whatever the others log carries it. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;

    /** The request log wraps every refusal, so that each has its line. */
    public static final int REQUEST_LOG = REQUEST_ID + 1;

    /** The docs page's framing headers are on every answer of its paths, a refusal's included. */
    public static final int PAGE_HEADERS = REQUEST_LOG + 1;

    /**
     * The admin token before anything else about the request, so that a caller without it learns
     * nothing (not even which methods a path takes); before Micronaut Security's own filter.
     */
    public static final int ADMIN_TOKEN = ServerFilterPhase.SECURITY.before() - 2;

    /** The method as sent (RFC 9110 section 9.1), before security, so the answer needs no credential. */
    public static final int METHOD_NAME = ADMIN_TOKEN + 1;

    /** The published files' own methods, GET and HEAD. */
    public static final int PUBLISHED_FILES = METHOD_NAME + 1;

    /** A health probe that does not exist, before its selector is bound. */
    public static final int HEALTH_PROBE = PUBLISHED_FILES + 1;

    /** A body's content coding, judged only once the caller may send one. */
    public static final int CONTENT_CODING = ServerFilterPhase.SECURITY.after();

    private FilterOrder() {
    }
}
