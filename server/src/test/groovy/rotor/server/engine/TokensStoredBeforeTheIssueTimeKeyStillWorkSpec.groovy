package rotor.server.engine

import rotor.server.grants.TokenIntrospection
import rotor.server.keys.SecretHasher
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*

/**
 * Tokens issued before their stored form began with the issue time are stored under the bare
 * SHA-256, and their first bits are random. An upgrade must not log their holders out: such a token
 * still refreshes (its successor stored in the new form), is still recognised when replayed, and
 * is still found by revocation and introspection. The session dialect's JWTs were stored under the
 * bare hash for a release longer than the opaque tokens, so both formats are checked.
 */
class TokensStoredBeforeTheIssueTimeKeyStillWorkSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')
    static final String BUSINESS = UUID.randomUUID().toString()
    static final Map<Dialect, String> TENANT = [(Dialect.DAYZERO): BUSINESS, (Dialect.SESSION): null]

    private static RefreshRequest presenting(Dialect dialect, String token) {
        RefreshRequest.of(dialect, TENANT[dialect], token)
    }

    /** Issues a grant and stores its first token as a release before this form would have. */
    private static IssuedTokens issuedBefore(Store store, Dialect dialect, String subject) {
        def first = store.bean(TokenEngine).issue(new GrantRequest(dialect, subject, TENANT[dialect], null, null), T0)
        def keyed = store.bean(RefreshTokenHashes).lookups(first.refreshToken()).first()
        def bare = store.bean(SecretHasher).hash(first.refreshToken())
        assert keyed != bare
        assert store.sql { executeUpdate('UPDATE refresh_token SET token_hash = ? WHERE token_hash = ?', [bare, keyed]) } == 1
        first
    }

    def "a token stored under its bare hash refreshes, and its successor is stored under the keyed form, #dialect on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def first = issuedBefore(store, dialect, 'legacy-refresh')

        when:
        def next = engine.refresh(presenting(dialect, first.refreshToken()), T0 + Duration.ofSeconds(10))

        then:
        next.status() == OK
        def successor = store.bean(RefreshTokenHashes).lookups(next.tokens().refreshToken()).first()
        store.sql { firstRow('SELECT parent_hash, generation FROM refresh_token WHERE token_hash = ?', [successor]) } as Map ==
                [parent_hash: store.bean(SecretHasher).hash(first.refreshToken()), generation: 2]
        engine.refresh(presenting(dialect, next.tokens().refreshToken()), T0 + Duration.ofSeconds(20)).status() == OK

        where:
        [dialect, store] << [[Dialect.DAYZERO, Dialect.SESSION], Store.all()].combinations()
    }

    /** Past session's 30 s grace period in these stores ({@link Store#POLICIES}): a replay then is reuse. */
    def "a token stored under its bare hash and presented again is reuse, #dialect on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def first = issuedBefore(store, dialect, 'legacy-replay')
        def next = engine.refresh(presenting(dialect, first.refreshToken()), T0 + Duration.ofSeconds(10))

        when:
        def replay = engine.refresh(presenting(dialect, first.refreshToken()), T0 + Duration.ofSeconds(60))

        then:
        next.status() == OK
        replay.status() == REUSED
        engine.refresh(presenting(dialect, next.tokens().refreshToken()), T0 + Duration.ofSeconds(61)).status() == REVOKED

        where:
        [dialect, store] << [[Dialect.DAYZERO, Dialect.SESSION], Store.all()].combinations()
    }

    def "a token stored under its bare hash is found by revocation and introspection, #dialect on #store"() {
        given:
        def first = issuedBefore(store, dialect, 'legacy-trace')

        when:
        def traced = store.bean(TokenIntrospection).trace(first.refreshToken())

        then:
        traced.isPresent()
        traced.get().grant().id() == first.grantId()

        where:
        [dialect, store] << [[Dialect.DAYZERO, Dialect.SESSION], Store.all()].combinations()
    }
}
