package rotor.server.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import rotor.server.http.FilterOrder;

/**
 * Every admin route requires the admin token, checked before anything else about the request so
 * that an unauthenticated caller learns nothing, and answered in the admin contract's own shape
 * (which is why this is not Micronaut Security's role check).
 */
@ServerFilter("/admin/**")
public class AdminTokenFilter implements Ordered {

    private final AdminWire wire;

    public AdminTokenFilter(AdminWire wire) {
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
