package rotor.server.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.DetailsVisibility;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import rotor.server.admin.AdminToken;
import rotor.server.dialect.Credentials;

import java.security.Principal;

/**
 * /health with its details (disk, database) for the admin token only. Micronaut's own rule shows
 * them to any authenticated principal, and every holder of a rotor access token is one (the JWT
 * validates), so that rule would show the store's details to any end user.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = false)
@Replaces(HealthEndpoint.class)
public class HealthDetailsForAdmin extends HealthEndpoint {

    private final AdminToken adminToken;

    public HealthDetailsForAdmin(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                 @Liveness HealthIndicator[] livenessHealthIndicators, AdminToken adminToken) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
        this.adminToken = adminToken;
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean admin = getDetailsVisible() != DetailsVisibility.NEVER && ServerRequestContext.currentRequest()
                .flatMap(Credentials::bearer).filter(adminToken::matches).isPresent();
        return admin ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
