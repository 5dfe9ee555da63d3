package rotor.server.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import rotor.server.engine.AuditEvent;
import rotor.server.engine.TokenStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The token store on H2 or PostgreSQL through Micronaut Data JDBC. Races are settled by the
 * database: conditional updates ({@code ... WHERE used_at IS NULL}) that exactly one caller wins,
 * on any number of instances. The two statements of every refresh (the lookup and the rotation)
 * are plain JDBC ({@link HotPathStatements}); rotations share commits ({@link GroupCommit}).
 */
@Singleton
public class JdbcTokenStore implements TokenStore {

    private final GrantRepository grants;
    private final RefreshTokenRepository tokens;
    private final AuditEventRepository audit;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final GroupCommit groupCommit;
    private final DurableCommits durable;
    private final boolean postgres;

    public JdbcTokenStore(GrantRepository grants, RefreshTokenRepository tokens, AuditEventRepository audit,
                          TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections,
                          GroupCommit groupCommit, DurableCommits durable, @Value("${datasources.default.url:}") String jdbcUrl) {
        this.grants = grants;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
        this.connections = connections;
        this.groupCommit = groupCommit;
        this.durable = durable;
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        // One connection for the commit and its sync, as in the group commit: a sync that borrowed
        // another could find the pool empty and fail a commit that the database already holds.
        return connections.execute(ConnectionDefinition.DEFAULT, held -> {
            boolean[] outermost = {false};
            T result = TransientFailures.retried(() -> transactions.executeWrite(status -> {
                outermost[0] = status.isNewTransaction();
                return work.get();
            }));
            if (outermost[0]) { // a call that joined its caller's transaction is made durable by the caller
                durable.afterCommit(held.getConnection());
            }
            return result;
        });
    }

    @Override
    public Optional<Presented> find(String tokenHash) {
        // The transaction's connection inside atomically, a pooled one outside it.
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try {
                return HotPathStatements.find(status.getConnection(), tokenHash);
            } catch (SQLException failure) {
                throw new DataAccessException("finding a refresh token failed", failure);
            }
        });
    }

    @Override
    public boolean rotate(Rotation rotation) {
        return groupCommit.run(rotation.successor().parentHash(), HotPathStatements.rotation(rotation, postgres));
    }

    @Override
    public Optional<GrantRecord> grant(UUID grantId) {
        return grants.findById(grantId);
    }

    @Override
    public void addGrant(GrantRecord grant) {
        grants.save(grant);
    }

    @Override
    public void addToken(RefreshTokenRecord token) {
        tokens.save(token);
    }

    @Override
    public boolean spend(String tokenHash, Instant at) {
        return tokens.markUsed(tokenHash, at) == 1;
    }

    @Override
    public boolean countReissue(String tokenHash, int most) {
        return tokens.countReissue(tokenHash, most) == 1;
    }

    @Override
    public void supersedeChildren(RefreshTokenRecord parent, Instant at) {
        tokens.supersedeChildren(parent.grantId(), parent.generation() + 1, parent.tokenHash(), at);
    }

    @Override
    public boolean newerGenerationSpent(UUID grantId, int generation) {
        return tokens.countUsedAfter(grantId, generation) > 0;
    }

    @Override
    public void touch(UUID grantId, Instant at) {
        grants.touch(grantId, at);
    }

    @Override
    public boolean revoke(UUID grantId, Instant at, String reason) {
        return grants.revoke(grantId, at, reason) == 1;
    }

    @Override
    public void record(UUID grantId, AuditEvent event, String detail, Instant at) {
        audit.save(new AuditEventRecord(UUID.randomUUID(), grantId, event.name(), detail, at));
    }

}
