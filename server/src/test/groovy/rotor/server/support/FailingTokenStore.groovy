package rotor.server.support

import rotor.server.engine.AuditEvent
import rotor.server.engine.TokenStore
import rotor.server.store.GrantRecord
import rotor.server.store.RefreshTokenRecord

import java.time.Instant
import java.util.function.Supplier

/** A store of which every call fails the same way; the subclass says how (an outage, contention). */
abstract class FailingTokenStore implements TokenStore {

    protected abstract RuntimeException failure()

    private <T> T fail() {
        throw failure()
    }

    @Override
    <T> T atomically(Supplier<T> work) { fail() }

    @Override
    Optional<Presented> find(String tokenHash) { fail() }

    @Override
    boolean rotate(Rotation rotation) { fail() }

    @Override
    Optional<GrantRecord> grant(UUID grantId) { fail() }

    @Override
    void addGrant(GrantRecord grant) { fail() }

    @Override
    void addToken(RefreshTokenRecord token) { fail() }

    @Override
    boolean spend(String tokenHash, Instant at) { fail() }

    @Override
    boolean countReissue(String tokenHash, int most) { fail() }

    @Override
    void supersedeChildren(RefreshTokenRecord parent, Instant at) { fail() }

    @Override
    boolean newerGenerationSpent(UUID grantId, int generation) { fail() }

    @Override
    void touch(UUID grantId, Instant at) { fail() }

    @Override
    boolean revoke(UUID grantId, Instant at, String reason) { fail() }

    @Override
    void record(UUID grantId, AuditEvent event, String detail, Instant at) { fail() }
}
