package rotor.server.keys;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Keeps every instance's keys current: re-reads them twice per refresh interval (so a rotation
 * elsewhere is known within one interval, before the new key signs), and, when
 * rotor.keys.rotation-interval is set, rotates a key older than that.
 */
@Singleton
public class KeySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(KeySchedule.class);

    private final SigningKeys keys;
    private final TaskScheduler scheduler;
    private final Duration rotationInterval;

    public KeySchedule(SigningKeys keys, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                       @Nullable @Property(name = "rotor.keys.rotation-interval") Duration rotationInterval) {
        this.keys = keys;
        this.scheduler = scheduler;
        this.rotationInterval = rotationInterval;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        keys.start();
        Duration tick = keys.refreshInterval().dividedBy(2);
        scheduler.scheduleWithFixedDelay(tick, tick, this::tick);
    }

    void tick() {
        try {
            if (rotationInterval != null && !rotationInterval.isZero()) {
                keys.rotateIfOlderThan(rotationInterval);
            }
            keys.reload();
        } catch (RuntimeException outage) {
            // The keys in memory keep serving; the next tick tries again.
            LOG.warn("Could not refresh the signing keys from the store: {}", outage.toString());
        }
    }
}
