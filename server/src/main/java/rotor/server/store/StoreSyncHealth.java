package rotor.server.store;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Liveness fails for good once the store failed to sync a commit to disk ({@link DurableCommits}):
 * from then on rotor acknowledges no write, and only a restart, which reopens the store from what
 * is on the disk, recovers. Readiness would only move the traffic; liveness gets the restart.
 */
@Singleton
@Liveness
public class StoreSyncHealth implements HealthIndicator {

    private final DurableCommits durable;

    public StoreSyncHealth(DurableCommits durable) {
        this.durable = durable;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("store-sync", durable.failed() ? HealthStatus.DOWN : HealthStatus.UP).build());
    }
}
