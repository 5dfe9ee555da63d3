package rotor.client.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A value that expires, fetched again ahead of its expiry by whichever caller notices first while
 * every other caller waits for that one fetch (single flight), or keeps using the current value as
 * long as it has not expired. Transient failures are retried with backoff; a gone grant is final.
 *
 * @param <T> what is kept fresh: a token pair, a connection's expiry
 */
public final class FreshValue<T> {

    private static final System.Logger LOG = System.getLogger(FreshValue.class.getName());

    /** One fetch of the value; throws as a {@link Refresher} does. */
    @FunctionalInterface
    public interface Fetch<T> {
        T fetch();
    }

    private record Entry<T>(T value, Instant refreshAt, Instant expiresAt) {
    }

    private final Fetch<T> fetch;
    private final Function<T, Instant> expiry;
    private final RefreshSchedule schedule;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration waitLimit;
    private final SessionListener listener;

    private final Object lock = new Object();
    private volatile Entry<T> current;
    private CompletableFuture<Entry<T>> inFlight;
    private GrantGoneException gone;

    /**
     * @param waitLimit how long a caller waits for someone else's fetch (the fetch itself is bounded
     *                  by its own HTTP timeouts and the retry policy)
     */
    public FreshValue(Fetch<T> fetch, Function<T, Instant> expiry, RefreshSchedule schedule, RetryPolicy retry,
                      Clock clock, Duration waitLimit, SessionListener listener) {
        this.fetch = Objects.requireNonNull(fetch);
        this.expiry = Objects.requireNonNull(expiry);
        this.schedule = Objects.requireNonNull(schedule);
        this.retry = Objects.requireNonNull(retry);
        this.clock = Objects.requireNonNull(clock);
        this.waitLimit = Objects.requireNonNull(waitLimit);
        this.listener = Objects.requireNonNull(listener);
    }

    /** The current value, fetched first when there is none or it is due. */
    public T get() {
        Entry<T> entry = current;
        if (entry != null && clock.instant().isBefore(entry.refreshAt())) {
            return entry.value();
        }
        return refresh(e -> !clock.instant().isBefore(e.refreshAt()), true).value();
    }

    /**
     * A value to use instead of one the server refused: fetched anew, unless another caller has
     * already replaced the refused one (then that newer value, without another fetch).
     */
    public T replace(Predicate<T> refused) {
        return refresh(e -> refused.test(e.value()), false).value();
    }

    private Entry<T> refresh(Predicate<Entry<T>> due, boolean currentWhileFetching) {
        CompletableFuture<Entry<T>> flight;
        boolean lead = false;
        synchronized (lock) {
            if (gone != null) {
                throw new GrantGoneException(gone);
            }
            Entry<T> entry = current;
            if (entry != null && !due.test(entry)) {
                return entry;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                lead = true;
            } else if (currentWhileFetching && entry != null && clock.instant().isBefore(entry.expiresAt())) {
                return entry;
            }
            flight = inFlight;
        }
        if (lead) {
            lead(flight);
        }
        return await(flight);
    }

    private void lead(CompletableFuture<Entry<T>> flight) {
        try {
            Entry<T> fresh = fetchWithRetries();
            synchronized (lock) {
                current = fresh;
                inFlight = null;
            }
            flight.complete(fresh);
            tell(l -> l.refreshed(fresh.expiresAt()));
        } catch (GrantGoneException e) {
            synchronized (lock) {
                gone = e;
                // The value in hand belongs to the gone grant: no caller may have it any more.
                current = null;
                inFlight = null;
            }
            flight.completeExceptionally(e);
            tell(l -> l.grantGone(e));
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            flight.completeExceptionally(e);
        }
    }

    private Entry<T> fetchWithRetries() {
        for (int attempt = 1; ; attempt++) {
            try {
                T value = fetch.fetch();
                Instant expiresAt = expiry.apply(value);
                return new Entry<>(value, schedule.refreshAt(clock.instant(), expiresAt), expiresAt);
            } catch (TransientRefreshException e) {
                int failed = attempt;
                tell(l -> l.transientFailure(failed, e));
                if (attempt >= retry.maxAttempts()) {
                    throw new RefreshFailedException("The refresh failed " + attempt + " times in a row", e);
                }
                pause(retry.backoffAfter(attempt), e);
            }
        }
    }

    /**
     * Tells the listener, whose failure must change nothing: not abort the retries, not replace the
     * answer, and above all not clear a flight another caller has started meanwhile.
     */
    private void tell(Consumer<SessionListener> news) {
        try {
            news.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A SessionListener threw; the session carries on: {0}", e.toString());
        }
    }

    private static void pause(Duration backoff, RuntimeException failure) {
        try {
            // A backoff between attempts, not a wait for another thread.
            Thread.sleep(backoff.toMillis(), backoff.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshFailedException("Interrupted while backing off", failure);
        }
    }

    private Entry<T> await(CompletableFuture<Entry<T>> flight) {
        try {
            return flight.get(waitLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GrantGoneException g) {
                throw new GrantGoneException(g);
            }
            if (cause instanceof RefreshFailedException f) {
                throw new RefreshFailedException(f.getMessage(), f);
            }
            throw new RefreshFailedException("The refresh failed", cause);
        } catch (TimeoutException e) {
            throw new RefreshFailedException("No refresh within " + waitLimit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshFailedException("Interrupted while waiting for a refresh", e);
        }
    }
}
