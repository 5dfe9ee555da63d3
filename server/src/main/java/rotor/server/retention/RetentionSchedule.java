package rotor.server.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Runs retention every rotor.retention.interval on every instance; the lease lets one of them work. */
@Singleton
@Requires(property = "rotor.retention.enabled", notEquals = "false")
public class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Janitor janitor;
    private final Clock clock;

    public RetentionSchedule(Janitor janitor, Clock clock) {
        this.janitor = janitor;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${rotor.retention.interval:10m}", fixedDelay = "${rotor.retention.interval:10m}")
    void run() {
        try {
            janitor.run(clock.instant());
        } catch (RuntimeException outage) {
            // Nothing is lost by a skipped run; the next one deletes what this one did not.
            LOG.warn("Retention run failed: {}", outage.toString());
        }
    }
}
