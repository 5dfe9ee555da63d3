package rotor.server.connections;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import rotor.server.store.ConnectionRecord;
import rotor.server.store.ConnectionRepository;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refreshes a stored connection against its upstream, one refresh at a time: an upstream that
 * rotates refresh tokens would see a second concurrent call as reuse and revoke the user's
 * authorization. Concurrent callers in this instance wait for and share the first one's result;
 * other instances wait on the row lock and then reuse a refresh younger than the reuse window.
 * An upstream failure changes nothing that is stored.
 */
@Singleton
public class ConnectionRefresher {

    public enum Status { REFRESHED, NOT_FOUND, REAUTHORIZATION_REQUIRED, UPSTREAM_FAILED }

    public record Result(Status status, ConnectionRecord connection) {
    }

    private final Connections connections;
    private final ConnectionRepository repository;
    private final UpstreamTokenEndpoint upstream;
    private final TransactionOperations<Connection> transactions;
    private final Duration reuseWindow;
    private final Duration assumedLifetime;
    private final ConcurrentHashMap<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();

    public ConnectionRefresher(Connections connections, ConnectionRepository repository, UpstreamTokenEndpoint upstream,
                               TransactionOperations<Connection> transactions,
                               @Value("${rotor.connections.reuse-window:5s}") Duration reuseWindow,
                               @Value("${rotor.connections.assumed-lifetime:1h}") Duration assumedLifetime) {
        this.connections = connections;
        this.repository = repository;
        this.upstream = upstream;
        this.transactions = transactions;
        this.reuseWindow = reuseWindow;
        this.assumedLifetime = assumedLifetime;
    }

    public Result refresh(String connectionId, String workspaceId, Instant now) {
        Optional<ConnectionRecord> found = connections.find(connectionId).filter(c -> c.workspaceId().equals(workspaceId));
        if (found.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> running = inFlight.putIfAbsent(connectionId, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Result result = refreshLocked(connectionId, now.truncatedTo(ChronoUnit.MICROS));
            mine.complete(result);
            return result;
        } catch (RuntimeException failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            inFlight.remove(connectionId, mine);
        }
    }

    private Result refreshLocked(String connectionId, Instant now) {
        return transactions.executeWrite(status -> {
            Optional<ConnectionRecord> locked = repository.findByIdForUpdate(connectionId);
            if (locked.isEmpty()) {
                // Deleted since it was looked up.
                return new Result(Status.NOT_FOUND, null);
            }
            ConnectionRecord connection = locked.get();
            if (connection.refreshedAt() != null && !connection.refreshedAt().plus(reuseWindow).isBefore(now)) {
                return new Result(Status.REFRESHED, connection);
            }
            if ("expired".equals(connection.status())) {
                return new Result(Status.REAUTHORIZATION_REQUIRED, connection);
            }
            ConnectionSecrets secrets = connections.open(connection);
            UpstreamTokenEndpoint.Answer answer = upstream.refresh(connection, secrets);
            if (answer instanceof UpstreamTokenEndpoint.Tokens tokens) {
                String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : secrets.refreshToken();
                Instant expiresAt = now.plus(tokens.expiresIn() != null ? Duration.ofSeconds(tokens.expiresIn()) : assumedLifetime);
                repository.storeRefreshed(connectionId, connections.seal(connectionId, "access_token", tokens.accessToken()),
                        connections.seal(connectionId, "refresh_token", refreshToken), expiresAt, now);
                return new Result(Status.REFRESHED, repository.findById(connectionId).orElseThrow());
            }
            if (answer instanceof UpstreamTokenEndpoint.InvalidGrant) {
                repository.markExpired(connectionId, now);
                return new Result(Status.REAUTHORIZATION_REQUIRED, connection);
            }
            return new Result(Status.UPSTREAM_FAILED, connection);
        });
    }
}
