package rotor.server.connections;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.ConnectionRecord;
import rotor.server.store.ConnectionRepository;
import rotor.server.store.DurableCommits;

import java.sql.Connection;
import java.time.Instant;

/**
 * Stores what an upstream issued, each in a short transaction of its own. An upstream that
 * rotated has already spent the stored refresh token, so the new one is the only one there is:
 * a failed store is tried again before it is given up (and said so in the log, without a secret).
 */
@Singleton
public class RefreshedTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshedTokens.class);
    static final int ATTEMPTS = 3;

    private final Connections connections;
    private final ConnectionRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final DurableCommits durable;

    public RefreshedTokens(Connections connections, ConnectionRepository repository, TransactionOperations<Connection> transactions,
                           DurableCommits durable) {
        this.connections = connections;
        this.repository = repository;
        this.transactions = transactions;
        this.durable = durable;
    }

    /** Stores the tokens and ends the owner's lease; the connection as stored afterwards. */
    public ConnectionRecord store(String connectionId, String owner, String accessToken, String refreshToken, Instant expiresAt, Instant at) {
        String sealedAccessToken = connections.seal(connectionId, "access_token", accessToken);
        String sealedRefreshToken = connections.seal(connectionId, "refresh_token", refreshToken);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ConnectionRecord stored;
            try {
                stored = transactions.executeWrite(status -> {
                    repository.storeRefreshed(connectionId, owner, sealedAccessToken, sealedRefreshToken, expiresAt, at);
                    return repository.findById(connectionId).orElseThrow();
                });
            } catch (RuntimeException failure) {
                last = failure;
                LOG.warn("connection {}: storing the tokens the upstream issued failed (attempt {} of {}): {}",
                        connectionId, attempt, ATTEMPTS, failure.getClass().getSimpleName());
                continue;
            }
            // Not retried with the store: the row is committed, and a failed sync is no failed store.
            // The upstream may have spent the refresh token these replace.
            durable.afterCommit();
            return stored;
        }
        LOG.error("connection {}: the tokens the upstream issued could not be stored; if it rotates refresh tokens, "
                + "the connection must be authorized again", connectionId);
        throw last;
    }

    /**
     * Not made durable (no afterCommit): losing this mark to a crash loses no token, since the
     * upstream already refused the refresh token; the next call asks it again and is refused again.
     */
    public void markExpired(String connectionId, String owner, Instant at) {
        transactions.executeWrite(status -> {
            repository.markExpired(connectionId, owner, at);
            return null;
        });
    }
}
