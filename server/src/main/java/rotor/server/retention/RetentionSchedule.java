package rotor.server.retention;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Runs retention every rotor.retention.interval on every instance; the lease lets one of them work.
 * Off (rotor.retention.enabled false, or no, off, n: OnOffSettings refuses any other word) it runs nothing.
 */
@Singleton
public class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Janitor janitor;
    private final Clock clock;
    private final boolean enabled;

    public RetentionSchedule(Janitor janitor, Clock clock, @Value("${rotor.retention.enabled:true}") boolean enabled) {
        this.janitor = janitor;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(initialDelay = "${rotor.retention.interval:10m}", fixedDelay = "${rotor.retention.interval:10m}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            janitor.run(clock.instant());
        } catch (RuntimeException outage) {
            // Nothing is lost by a skipped run; the next one deletes what this one did not.
            LOG.warn("Retention run failed: {}", outage.toString());
        }
    }
}
