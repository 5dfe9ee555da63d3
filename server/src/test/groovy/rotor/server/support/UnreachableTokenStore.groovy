package rotor.server.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton
import rotor.server.engine.AuditEvent
import rotor.server.engine.TokenStore
import rotor.server.store.GrantRecord
import rotor.server.store.JdbcTokenStore
import rotor.server.store.RefreshTokenRecord

import java.time.Instant
import java.util.function.Supplier

/** A store that is down, as an outage would have it, for specs that set spec.store-unreachable. */
@Singleton
@Replaces(JdbcTokenStore)
@Requires(property = 'spec.store-unreachable', value = 'true')
class UnreachableTokenStore implements TokenStore {

    private static <T> T down() {
        throw new IllegalStateException('the store is unreachable')
    }

    @Override
    <T> T atomically(Supplier<T> work) { down() }

    @Override
    Optional<Presented> find(String tokenHash) { down() }

    @Override
    Optional<GrantRecord> grant(UUID grantId) { down() }

    @Override
    void addGrant(GrantRecord grant) { down() }

    @Override
    void addToken(RefreshTokenRecord token) { down() }

    @Override
    boolean spend(String tokenHash, Instant at) { down() }

    @Override
    boolean countReissue(String tokenHash, int most) { down() }

    @Override
    void supersedeChildren(String parentHash, Instant at) { down() }

    @Override
    boolean newerGenerationSpent(UUID grantId, int generation) { down() }

    @Override
    void touch(UUID grantId, Instant at) { down() }

    @Override
    boolean revoke(UUID grantId, Instant at, String reason) { down() }

    @Override
    void record(UUID grantId, AuditEvent event, String detail, Instant at) { down() }
}
