package rotor.server.engine

import rotor.server.dialect.dayzero.DayzeroDialect
import rotor.server.dialect.mielto.MieltoDialect
import rotor.server.dialect.oauth2.OAuth2Dialect
import rotor.server.dialect.onboard.OnboardDialect
import rotor.server.dialect.partner.PartnerDialect
import rotor.server.dialect.session.SessionDialect
import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.keys.AccessTokenMinter
import rotor.server.keys.MasterKey
import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import rotor.server.keys.StoredKeySignature
import rotor.server.support.InMemoryTokenStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*

/**
 * The engine over the in-memory store: no Micronaut context, no database. What the rules decide
 * reaches the store as the engine's writes (the JDBC store's own specs run against H2 and PostgreSQL).
 */
class EngineOverAMemoryStoreSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')
    static final String BUSINESS = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
    static final MasterKey MASTER_KEY = new MasterKey(Base64.encoder.encodeToString(new byte[32]), null)

    InMemoryTokenStore store = new InMemoryTokenStore()
    TokenEngine engine = engine(store, ['dayzero': ['grace-period': Duration.ofSeconds(30)]])

    def "a rotation spends the presented token and its successor refreshes"() {
        given:
        def first = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', BUSINESS, 'read', null), T0)

        when:
        def second = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, first.refreshToken()), T0 + Duration.ofSeconds(1))
        def third = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, second.tokens().refreshToken()), T0 + Duration.ofSeconds(2))

        then:
        second.status() == OK
        third.status() == OK
        store.tokens.values().count { it.usedAt() == null } == 1
        and: "the chain is the history: each spent token says when, and no audit row per rotation"
        store.tokens.values().sort { it.generation() }.collect { [it.generation(), it.usedAt()] } ==
                [[1, T0 + Duration.ofSeconds(1)], [2, T0 + Duration.ofSeconds(2)], [3, null]]
        store.events*.v2 == [AuditEvent.GRANT_CREATED]
    }

    def "a grace re-issue supersedes the earlier successor, whose later use revokes the grant"() {
        given:
        def a = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', BUSINESS, null, null), T0)
        def b1 = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, a.refreshToken()), T0 + Duration.ofSeconds(1))

        when:
        def b2 = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, a.refreshToken()), T0 + Duration.ofSeconds(2))
        def late = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, b1.tokens().refreshToken()), T0 + Duration.ofSeconds(3))

        then:
        b2.status() == OK
        late.status() == REUSED
        store.grants[a.grantId()].revokedReason() == 'reuse_detected'
    }

    def "a tenant of the wrong form and a value of the wrong form are told apart"() {
        expect:
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, 'not-a-uuid', 'rtr_' + 'A' * 43), T0).status() == MALFORMED_TENANT
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, 'not-a-token'), T0).status() == MALFORMED_TOKEN
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, 'rtr_' + 'A' * 43), T0).status() == INVALID_GRANT
    }

    def "a failure while issuing leaves nothing half-written"() {
        given: "signing fails"
        def failing = new TokenEngine(store, dialects(), new DialectPolicies(dialects(), []), new RefreshTokenHashes(new SecretHasher(), dialects()),
                Stub(AccessTokenMinter) { mint(*_) >> { throw new IllegalStateException('no key') } })

        when:
        failing.issue(new GrantRequest(Dialect.DAYZERO, 'alice', BUSINESS, null, null), T0)

        then:
        thrown(IllegalStateException)
        store.grants.isEmpty()
        store.tokens.isEmpty()
    }

    def "a revocation that commits between the engine's read and its rotation wins: nothing is issued"() {
        given: "a store that revokes the grant right after the engine has read the token"
        def racing = new InMemoryTokenStore() {
            @Override
            Optional<TokenStore.Presented> find(String tokenHash) {
                def found = super.find(tokenHash)
                found.ifPresent { revoke(it.grant().id(), T0 + Duration.ofSeconds(1), 'admin') }
                found
            }
        }
        def first = engine(racing, [:]).issue(new GrantRequest(Dialect.DAYZERO, 'alice', BUSINESS, null, null), T0)

        when:
        def outcome = engine(racing, [:]).refresh(RefreshRequest.of(Dialect.DAYZERO, BUSINESS, first.refreshToken()), T0 + Duration.ofSeconds(1))

        then:
        outcome.status() == REVOKED
        racing.tokens.size() == 1
        racing.tokens.values().first().usedAt() == null
    }

    private TokenEngine engine(TokenStore store, Map<String, Map<String, Object>> configured) {
        def ds = dialects()
        def properties = configured.collect { name, values ->
            def p = new DialectPolicyProperties(name)
            p.gracePeriod = values['grace-period'] as Duration
            p
        }
        new TokenEngine(store, ds, new DialectPolicies(ds, properties), new RefreshTokenHashes(new SecretHasher(), ds),
                Stub(AccessTokenMinter) { mint(*_) >> 'an-access-token' })
    }

    private Dialects dialects() {
        def opaque = new OpaqueRefreshTokens(new RandomTokens())
        new Dialects([new DayzeroDialect(opaque), new OnboardDialect(opaque), new MieltoDialect(opaque), new PartnerDialect(opaque),
                      new SessionDialect(new SessionRefreshTokens(Stub(StoredKeySignature), MASTER_KEY, new RandomTokens())), new OAuth2Dialect(opaque)])
    }
}
