package rotor.server.ops.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import rotor.server.admin.AdminWire;
import rotor.server.http.FilterOrder;

/**
 * /prometheus answers the admin token only, unless rotor.metrics.open says that scrapers reach it
 * without one (for instance on a management port of its own). Micronaut's sensitive-endpoint rule
 * would let in any authenticated caller, and every holder of a rotor access token is one.
 */
@ServerFilter({"/prometheus", "/prometheus/**"}) // the router also answers /prometheus/
@Requires(property = "rotor.metrics.open", notEquals = "true")
public class MetricsRequireAdminToken implements Ordered {

    private final AdminWire wire;

    public MetricsRequireAdminToken(AdminWire wire) {
        this.wire = wire;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> requireAdmin(HttpRequest<?> request) {
        return wire.refuseUnlessAdmin(request).orElse(null);
    }

    @Override
    public int getOrder() {
        return FilterOrder.ADMIN_TOKEN;
    }
}
