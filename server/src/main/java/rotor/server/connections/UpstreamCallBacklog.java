package rotor.server.connections;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How long a mielto refresh may wait for one of its threads ({@link UpstreamCallThreads}) before it
 * starts. On JDK 17 those threads are a fixed pool: when upstreams are slow, every thread may be
 * waiting on one and the refreshes behind them queue, each one ahead taking up to the lease wait
 * plus the call timeout. A refresh that waited past this bound is answered at once, without calling
 * its upstream: its caller has likely given up, and a caller that retries would otherwise add to a
 * queue that only grows. On JDK 21 and newer each refresh has a virtual thread and starts at once,
 * so nothing is overdue.
 */
@Context // a bound that cannot work stops the start, not the first mielto refresh
@Singleton
public class UpstreamCallBacklog {

    private static final ThreadLocal<Instant> QUEUED_AT = new ThreadLocal<>();

    private final Duration queueWait;
    private final Clock clock;

    public UpstreamCallBacklog(@Value("${rotor.connections.queue-wait:10s}") Duration queueWait, Clock clock) {
        if (queueWait.isNegative() || queueWait.isZero()) {
            throw new IllegalStateException("rotor.connections.queue-wait (ROTOR_UPSTREAM_QUEUE_WAIT) must be positive, not " + queueWait.toMillis() + " ms");
        }
        this.queueWait = queueWait;
        this.clock = clock;
    }

    public Duration queueWait() {
        return queueWait;
    }

    /**
     * A fixed pool of the given threads, each task on it knowing when it was queued. It stays a
     * ThreadPoolExecutor, so that Micrometer's executor_* meters (executor_queued_tasks) see it.
     */
    ExecutorService fixedPool(int threads, ThreadFactory factory) {
        return new TimedPool(threads, factory);
    }

    /** How long the task on this thread waited for it, when that was longer than the bound. */
    public Optional<Duration> overdue() {
        Instant queuedAt = QUEUED_AT.get();
        if (queuedAt == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(queuedAt, clock.instant());
        return waited.compareTo(queueWait) > 0 ? Optional.of(waited) : Optional.empty();
    }

    private final class TimedPool extends ThreadPoolExecutor {

        TimedPool(int threads, ThreadFactory factory) {
            super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        }

        @Override
        public void execute(Runnable task) {
            Instant queuedAt = clock.instant();
            super.execute(() -> {
                QUEUED_AT.set(queuedAt);
                try {
                    task.run();
                } finally {
                    QUEUED_AT.remove();
                }
            });
        }
    }
}
