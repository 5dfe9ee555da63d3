package rotor.server.connections;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.ConnectionRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Refreshes a stored connection against its upstream, one refresh at a time: an upstream that
 * rotates refresh tokens would see a second concurrent call as reuse and revoke the user's
 * authorization. Concurrent callers in this instance wait for and share the first one's result;
 * across instances a {@link RefreshLease} on the row lets one call the upstream while the others
 * wait a bounded time and then answer from the store. The upstream call runs outside any
 * transaction, so a slow upstream holds neither a pooled database connection nor a lock. An
 * upstream failure changes nothing that is stored.
 */
@Singleton
public class ConnectionRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRefresher.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration FOLLOWER_MARGIN = Duration.ofSeconds(5);
    private static final Duration BACKLOG_WARNING_EVERY = Duration.ofMinutes(1);

    /** BACKLOGGED: it waited longer than rotor.connections.queue-wait for a thread, and nothing was called. */
    public enum Status { REFRESHED, NOT_FOUND, REAUTHORIZATION_REQUIRED, UPSTREAM_FAILED, BACKLOGGED }

    public record Result(Status status, ConnectionRecord connection) {
    }

    private final Connections connections;
    private final UpstreamTokenEndpoint upstream;
    private final RefreshLease lease;
    private final RefreshedTokens store;
    private final UpstreamCallBacklog backlog;
    private final Clock clock;
    private final Duration reuseWindow;
    private final Duration assumedLifetime;
    private final Duration leaseWait;
    private final ConcurrentHashMap<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastBacklogWarning = new AtomicReference<>();

    public ConnectionRefresher(Connections connections, UpstreamTokenEndpoint upstream, RefreshLease lease, RefreshedTokens store,
                               UpstreamCallBacklog backlog, Clock clock,
                               @Value("${rotor.connections.reuse-window:5s}") Duration reuseWindow,
                               @Value("${rotor.connections.assumed-lifetime:1h}") Duration assumedLifetime,
                               @Value("${rotor.connections.lease-wait:20s}") Duration leaseWait) {
        this.connections = connections;
        this.upstream = upstream;
        this.lease = lease;
        this.store = store;
        this.backlog = backlog;
        this.clock = clock;
        this.reuseWindow = reuseWindow;
        this.assumedLifetime = assumedLifetime;
        this.leaseWait = leaseWait;
    }

    public Result refresh(String connectionId, String workspaceId, Instant now) {
        Optional<ConnectionRecord> found = connections.find(connectionId).filter(c -> c.workspaceId().equals(workspaceId));
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        Optional<Duration> overdue = backlog.overdue();
        if (overdue.isPresent()) {
            backlogWarning(overdue.get());
            return new Result(Status.BACKLOGGED, null);
        }
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> running = inFlight.putIfAbsent(connectionId, mine);
        if (running != null) {
            return follow(connectionId, running);
        }
        try {
            Result result = refreshOnce(connectionId, now.truncatedTo(ChronoUnit.MICROS));
            mine.complete(result);
            return result;
        } catch (RuntimeException failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            inFlight.remove(connectionId, mine);
        }
    }

    /** One line a minute at most: under a backlog every queued refresh would write one. */
    private void backlogWarning(Duration waited) {
        Instant now = clock.instant();
        Instant last = lastBacklogWarning.get();
        if ((last == null || !now.isBefore(last.plus(BACKLOG_WARNING_EVERY))) && lastBacklogWarning.compareAndSet(last, now)) {
            LOG.warn("a mielto refresh waited {} ms for a thread, more than rotor.connections.queue-wait ({} ms): answered 502 without "
                            + "calling its upstream. Upstreams are slow or ROTOR_UPSTREAM_REQUEST_THREADS is too low; "
                            + "rotor_refreshes_total{dialect=\"mielto\",outcome=\"backlogged\"} counts every such refresh",
                    waited.toMillis(), backlog.queueWait().toMillis());
        }
    }

    /** Waits for this instance's refresh of the connection, no longer than the leader itself can take. */
    private Result follow(String connectionId, CompletableFuture<Result> running) {
        Duration longest = leaseWait.plus(upstream.callTimeout()).plus(FOLLOWER_MARGIN);
        try {
            return running.get(longest.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("connection {}: the refresh in progress did not finish within {}", connectionId, longest);
            return new Result(Status.UPSTREAM_FAILED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Status.UPSTREAM_FAILED, null);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Answers from the store when it can; otherwise takes the lease and calls, or waits a bounded time for whoever holds it. */
    private Result refreshOnce(String connectionId, Instant now) {
        Instant giveUp = clock.instant().plus(leaseWait);
        while (true) {
            Optional<Result> stored = fromStore(connectionId, now);
            if (stored.isPresent()) {
                return stored.get();
            }
            Optional<String> owner = lease.claim(connectionId);
            if (owner.isPresent()) {
                return refreshHolding(connectionId, owner.get(), now);
            }
            if (!clock.instant().isBefore(giveUp) || !pause()) {
                LOG.warn("connection {}: another refresh held it for longer than {}", connectionId, leaseWait);
                return new Result(Status.UPSTREAM_FAILED, null);
            }
        }
    }

    private Result refreshHolding(String connectionId, String owner, Instant now) {
        boolean leaseEnded = false;
        try {
            // Read again under the lease: another instance may have stored a refresh since.
            Optional<Result> stored = fromStore(connectionId, now);
            if (stored.isPresent()) {
                return stored.get();
            }
            Optional<ConnectionRecord> found = connections.find(connectionId);
            if (found.isEmpty()) {
                return new Result(Status.NOT_FOUND, null);
            }
            ConnectionRecord connection = found.get();
            ConnectionSecrets secrets = connections.open(connection);
            UpstreamTokenEndpoint.Answer answer = upstream.refresh(connection, secrets);
            if (answer instanceof UpstreamTokenEndpoint.Tokens tokens) {
                String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : secrets.refreshToken();
                Instant expiresAt = now.plus(tokens.lifetime() != null ? tokens.lifetime() : assumedLifetime);
                ConnectionRecord refreshed = store.store(connectionId, owner, tokens.accessToken(), refreshToken, expiresAt, now);
                leaseEnded = true;
                return new Result(Status.REFRESHED, refreshed);
            }
            if (answer instanceof UpstreamTokenEndpoint.InvalidGrant) {
                store.markExpired(connectionId, owner, now);
                leaseEnded = true;
                return new Result(Status.REAUTHORIZATION_REQUIRED, connection);
            }
            return new Result(Status.UPSTREAM_FAILED, connection);
        } finally {
            if (!leaseEnded) {
                lease.release(connectionId, owner);
            }
        }
    }

    private Optional<Result> fromStore(String connectionId, Instant now) {
        Optional<ConnectionRecord> found = connections.find(connectionId);
        if (found.isEmpty()) {
            // Deleted since it was looked up.
            return Optional.of(new Result(Status.NOT_FOUND, null));
        }
        ConnectionRecord connection = found.get();
        if (connection.refreshedAt() != null && !connection.refreshedAt().plus(reuseWindow).isBefore(now)) {
            return Optional.of(new Result(Status.REFRESHED, connection));
        }
        if ("expired".equals(connection.status())) {
            return Optional.of(new Result(Status.REAUTHORIZATION_REQUIRED, connection));
        }
        return Optional.empty();
    }

    /** False when interrupted: the caller stops waiting. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
