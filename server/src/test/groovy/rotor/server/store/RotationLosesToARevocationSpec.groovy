package rotor.server.store

import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.engine.TokenStore
import rotor.server.engine.RefreshTokenHashes
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * The engine reads a token outside any transaction and rotates it later in a shared commit. The
 * rotation's conditional update must therefore refuse a token whose grant was revoked meanwhile,
 * and must not add the successor; the engine then settles the refresh by reading again.
 */
class RotationLosesToARevocationSpec extends Specification {

    def "a rotation of a token whose grant was revoked meanwhile spends nothing and adds nothing"() {
        given:
        def engine = store.bean(TokenEngine)
        def now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def first = engine.issue(new GrantRequest(Dialect.ONBOARD, 'revoked-meanwhile', null, null, null), now)
        def hash = store.bean(RefreshTokenHashes).lookups(first.refreshToken()).first()
        def successor = RefreshTokenRecord.issued('successor-' + UUID.randomUUID(), first.grantId(), hash, 2, null,
                now.plusSeconds(1), now.plusSeconds(3600))
        engine.revoke(first.grantId(), 'admin', now)

        when:
        def rotated = store.bean(JdbcTokenStore).rotate(new TokenStore.Rotation(successor, false))

        then:
        !rotated
        store.sql { firstRow('SELECT used_at FROM refresh_token WHERE token_hash = ?', [hash]) }.used_at == null
        store.sql { firstRow('SELECT COUNT(*) AS n FROM refresh_token WHERE grant_id = ?', [first.grantId()]) }.n == 1

        where:
        store << Store.all()
    }

    def "the same rotation of a live grant spends the token and adds the successor"() {
        given:
        def engine = store.bean(TokenEngine)
        def now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def first = engine.issue(new GrantRequest(Dialect.ONBOARD, 'live', null, null, null), now)
        def hash = store.bean(RefreshTokenHashes).lookups(first.refreshToken()).first()
        def successor = RefreshTokenRecord.issued('successor-' + UUID.randomUUID(), first.grantId(), hash, 2, null,
                now.plusSeconds(1), now.plusSeconds(3600))

        when:
        def rotated = store.bean(JdbcTokenStore).rotate(new TokenStore.Rotation(successor, false))

        then:
        rotated
        store.sql { firstRow('SELECT used_at FROM refresh_token WHERE token_hash = ?', [hash]) }.used_at != null
        store.sql { firstRow('SELECT generation FROM refresh_token WHERE token_hash = ?', [successor.tokenHash()]) }.generation == 2

        where:
        store << Store.all()
    }
}
