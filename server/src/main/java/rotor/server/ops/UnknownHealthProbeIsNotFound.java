package rotor.server.ops;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import rotor.server.http.FilterOrder;

/**
 * Micronaut's health endpoint (rotor's HealthDetailsForAdmin) routes /health/{selector} for its probes (liveness, readiness) and
 * answers 400 when the selector is none of them, as if the request were malformed. A probe that
 * does not exist is a path that names nothing: the 404 of any such path. Whether a name is a probe
 * is asked of the conversion the endpoint's own binding uses, so both always agree.
 */
@ServerFilter("/" + HealthEndpoint.NAME + "/*")
public class UnknownHealthProbeIsNotFound implements Ordered {

    private final ConversionService conversions;

    UnknownHealthProbeIsNotFound(ConversionService conversions) {
        this.conversions = conversions;
    }

    @RequestFilter
    public void refuse(HttpRequest<?> request) {
        RouteAttributes.getRouteMatch(request)
                .filter(match -> HealthEndpoint.class.isAssignableFrom(match.getRouteInfo().getDeclaringType()))
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues().values())
                .filter(selectors -> selectors.stream().anyMatch(selector -> conversions.convert(selector, HealthCheckType.class).isEmpty()))
                .ifPresent(unknown -> {
                    throw new HttpStatusException(HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReason());
                });
    }

    @Override
    public int getOrder() {
        return FilterOrder.HEALTH_PROBE;
    }
}
