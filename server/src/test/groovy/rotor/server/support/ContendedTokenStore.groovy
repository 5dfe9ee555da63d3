package rotor.server.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton
import rotor.server.engine.AuditEvent
import rotor.server.engine.StoreContention
import rotor.server.engine.TokenStore
import rotor.server.store.GrantRecord
import rotor.server.store.JdbcTokenStore
import rotor.server.store.RefreshTokenRecord

import java.time.Instant
import java.util.function.Supplier

/**
 * A store whose transactions keep conflicting until it gives up, as JdbcTokenStore does after its
 * retries, for specs that set spec.store-contended: the engine answers the INTERNAL outcome.
 */
@Singleton
@Replaces(JdbcTokenStore)
@Requires(property = 'spec.store-contended', value = 'true')
class ContendedTokenStore implements TokenStore {

    @Override
    <T> T atomically(Supplier<T> work) {
        throw new StoreContention('gave up after retries', new IllegalStateException('serialization failure'))
    }

    private static <T> T outsideATransaction() {
        throw new IllegalStateException('every store call of a refresh runs in atomically()')
    }

    @Override
    Optional<Presented> find(String tokenHash) { outsideATransaction() }

    @Override
    Optional<GrantRecord> grant(UUID grantId) { outsideATransaction() }

    @Override
    void addGrant(GrantRecord grant) { outsideATransaction() }

    @Override
    void addToken(RefreshTokenRecord token) { outsideATransaction() }

    @Override
    boolean spend(String tokenHash, Instant at) { outsideATransaction() }

    @Override
    boolean countReissue(String tokenHash, int most) { outsideATransaction() }

    @Override
    void supersedeChildren(String parentHash, Instant at) { outsideATransaction() }

    @Override
    boolean newerGenerationSpent(UUID grantId, int generation) { outsideATransaction() }

    @Override
    void touch(UUID grantId, Instant at) { outsideATransaction() }

    @Override
    boolean revoke(UUID grantId, Instant at, String reason) { outsideATransaction() }

    @Override
    void record(UUID grantId, AuditEvent event, String detail, Instant at) { outsideATransaction() }
}
