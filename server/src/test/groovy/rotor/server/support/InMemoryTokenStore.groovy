package rotor.server.support

import rotor.server.engine.AuditEvent
import rotor.server.engine.TokenStore
import rotor.server.store.GrantRecord
import rotor.server.store.RefreshTokenRecord

import java.time.Instant
import java.util.function.Supplier

/**
 * The token store in memory, for specs of the engine's rules that need no database. One lock
 * serialises every transaction, and a failed one is undone from a copy taken when it began.
 */
class InMemoryTokenStore implements TokenStore {

    final Map<UUID, GrantRecord> grants = [:]
    final Map<String, RefreshTokenRecord> tokens = [:]
    final List<Tuple2<UUID, AuditEvent>> events = []
    private final Object lock = new Object()

    @Override
    <T> T atomically(Supplier<T> work) {
        synchronized (lock) {
            def grantsBefore = new LinkedHashMap(grants)
            def tokensBefore = new LinkedHashMap(tokens)
            def eventsBefore = new ArrayList(events)
            try {
                return work.get()
            } catch (RuntimeException failure) {
                grants.clear(); grants.putAll(grantsBefore)
                tokens.clear(); tokens.putAll(tokensBefore)
                events.clear(); events.addAll(eventsBefore)
                throw failure
            }
        }
    }

    @Override
    Optional<Presented> find(String tokenHash) {
        Optional.ofNullable(tokens[tokenHash]).map { new Presented(it, grants[it.grantId()]) }
    }

    @Override
    boolean rotate(Rotation rotation) {
        atomically {
            def successor = rotation.successor()
            if (grants[successor.grantId()].revokedAt() != null || !spend(successor.parentHash(), successor.issuedAt())) {
                return false
            }
            addToken(successor)
            if (rotation.touchGrant()) {
                touch(successor.grantId(), successor.issuedAt())
            }
            true
        }
    }

    @Override
    Optional<GrantRecord> grant(UUID grantId) {
        Optional.ofNullable(grants[grantId])
    }

    @Override
    void addGrant(GrantRecord grant) {
        grants[grant.id()] = grant
    }

    @Override
    void addToken(RefreshTokenRecord token) {
        tokens[token.tokenHash()] = token
    }

    @Override
    boolean spend(String tokenHash, Instant at) {
        def t = tokens[tokenHash]
        if (t == null || t.usedAt() != null) {
            return false
        }
        tokens[tokenHash] = copy(t, at, t.reissues(), false)
        true
    }

    @Override
    boolean countReissue(String tokenHash, int most) {
        def t = tokens[tokenHash]
        if (t == null || t.reissues() >= most) {
            return false
        }
        tokens[tokenHash] = copy(t, t.usedAt(), t.reissues() + 1, t.superseded())
        true
    }

    @Override
    void supersedeChildren(RefreshTokenRecord parent, Instant at) {
        tokens.values().findAll { it.parentHash() == parent.tokenHash() && it.usedAt() == null }.each {
            tokens[it.tokenHash()] = copy(it, at, it.reissues(), true)
        }
    }

    @Override
    boolean newerGenerationSpent(UUID grantId, int generation) {
        tokens.values().any { it.grantId() == grantId && it.generation() > generation && it.usedAt() != null && !it.superseded() }
    }

    @Override
    void touch(UUID grantId, Instant at) {
        def g = grants[grantId]
        grants[grantId] = new GrantRecord(g.id(), g.dialect(), g.tenant(), g.subject(), g.scope(), g.clientId(), g.createdAt(),
                g.expiresAt(), at, g.revokedAt(), g.revokedReason())
    }

    @Override
    boolean revoke(UUID grantId, Instant at, String reason) {
        def g = grants[grantId]
        if (g == null || g.revokedAt() != null) {
            return false
        }
        grants[grantId] = new GrantRecord(g.id(), g.dialect(), g.tenant(), g.subject(), g.scope(), g.clientId(), g.createdAt(),
                g.expiresAt(), g.lastUsedAt(), at, reason)
        true
    }

    @Override
    void record(UUID grantId, AuditEvent event, String detail, Instant at) {
        events << new Tuple2(grantId, event)
    }

    private static RefreshTokenRecord copy(RefreshTokenRecord t, Instant usedAt, int reissues, boolean superseded) {
        new RefreshTokenRecord(t.tokenHash(), t.grantId(), t.parentHash(), t.generation(), t.scope(), t.issuedAt(), t.expiresAt(),
                usedAt, reissues, superseded)
    }
}
