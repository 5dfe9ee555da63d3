package rotor.client.session;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The longest one refresh call may take, whatever the HTTP client it goes through was configured
 * with: a generated client built without a read timeout waits for ever on a server that accepted
 * and stalled, and with it every caller of the session. The call runs on a helper thread; past the
 * limit it is interrupted and abandoned, and counts as a transient failure (retried with the same
 * refresh token: a server that did spend it answers the retry from its grace window). An answer
 * that comes after that is dropped, so only the caller that waited ever stores a refresh token.
 */
public final class AttemptLimit {

    /** Well above a healthy token endpoint's answer, well below the 60 s other callers wait. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService ATTEMPTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rotor-refresh-attempt-" + THREADS.incrementAndGet());
        thread.setDaemon(true); // an abandoned call never keeps the JVM alive
        return thread;
    });

    private final Duration limit;

    public AttemptLimit(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("The attempt limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Runs one call within the limit.
     *
     * @throws TransientRefreshException the call did not answer within the limit
     */
    public <T> T run(Supplier<T> call) {
        Future<T> attempt = ATTEMPTS.submit(call::get);
        try {
            return attempt.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw new TransientRefreshException(0, new TimeoutException("No answer within " + limit));
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw new RefreshFailedException("Interrupted while waiting for a refresh", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RefreshFailedException("The refresh failed", cause);
        }
    }
}
