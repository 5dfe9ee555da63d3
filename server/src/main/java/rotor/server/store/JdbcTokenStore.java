package rotor.server.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.AuditEvent;
import rotor.server.engine.StoreContention;
import rotor.server.engine.TokenStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The token store on H2 or PostgreSQL through Micronaut Data JDBC. Races are settled by the
 * database: conditional updates ({@code ... WHERE used_at IS NULL}) that exactly one caller wins,
 * on any number of instances.
 */
@Singleton
public class JdbcTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTokenStore.class);
    private static final int ATTEMPTS = 4;
    // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 55P03 lock not available, HYT00 lock timeout (H2).
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03", "HYT00");

    private final GrantRepository grants;
    private final RefreshTokenRepository tokens;
    private final AuditEventRepository audit;
    private final TransactionOperations<Connection> transactions;

    public JdbcTokenStore(GrantRepository grants, RefreshTokenRepository tokens, AuditEventRepository audit,
                          TransactionOperations<Connection> transactions) {
        this.grants = grants;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (RuntimeException failure) {
                if (!isTransient(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warn("Gave up after {} transient database failures", ATTEMPTS);
                    throw new StoreContention("the store kept conflicting", failure);
                }
            }
        }
    }

    @Override
    public Optional<Presented> find(String tokenHash) {
        return tokens.findById(tokenHash).flatMap(token -> grants.findById(token.grantId()).map(grant -> new Presented(token, grant)));
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
    public void supersedeChildren(String parentHash, Instant at) {
        tokens.supersedeChildren(parentHash, at);
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

    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
