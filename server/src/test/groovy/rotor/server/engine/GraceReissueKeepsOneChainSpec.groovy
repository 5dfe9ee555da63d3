package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

import static rotor.server.engine.RefreshOutcome.Status.*

/**
 * A grace re-issue never splits a grant into two live chains: the successor issued before is spent
 * in the same transaction, and a token is re-issued only as often as the policy allows (session:
 * the default, once; mielto: up to 100 times, see Store), concurrent replays included.
 */
class GraceReissueKeepsOneChainSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')
    static final int REPLAYS = 32

    @Shared
    ExecutorService pool = Executors.newFixedThreadPool(REPLAYS)

    def cleanupSpec() {
        pool.shutdownNow()
    }

    def "the successor a grace re-issue replaced is dead: presenting it is reuse, on #store"() {
        given: "A was rotated to B1, whose response a thief or a lost connection kept from the client"
        def engine = store.bean(TokenEngine)
        def a = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        def b1 = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(1))
        def b2 = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(2))

        when:
        def late = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, b1.tokens().refreshToken()), T0 + Duration.ofSeconds(3))

        then:
        b2.status() == OK
        late.status() == REUSED
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, b2.tokens().refreshToken()), T0 + Duration.ofSeconds(4)).status() == REVOKED

        where:
        store << Store.all()
    }

    def "by default a token is re-issued once: a second replay inside the grace period revokes the grant, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def a = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(1))
        def b2 = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(2))

        when:
        def again = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(3))

        then:
        b2.status() == OK
        again.status() == REUSED
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, b2.tokens().refreshToken()), T0 + Duration.ofSeconds(4)).status() == REVOKED

        where:
        store << Store.all()
    }

    def "32 concurrent replays inside the grace period leave exactly one refreshable successor, on #store"() {
        given: "mielto re-issues up to 100 times, so every replay is allowed one"
        def engine = store.bean(TokenEngine)
        def workspace = "ws-${UUID.randomUUID()}".toString()
        def a = engine.issue(new GrantRequest(Dialect.MIELTO, 'carol', workspace, null, null), T0)
        engine.refresh(RefreshRequest.of(Dialect.MIELTO, workspace, a.refreshToken()), T0 + Duration.ofSeconds(1))

        when:
        def outcomes = race { engine.refresh(RefreshRequest.of(Dialect.MIELTO, workspace, a.refreshToken()), T0 + Duration.ofSeconds(2)) }
        def live = liveTokenHashes(store, a.grantId())
        def returned = outcomes.findAll { it.status() == OK }.collectEntries { [(store.bean(RefreshTokenHashes).lookups(it.tokens().refreshToken()).first()): it] }

        then:
        outcomes*.status().every { it == OK }
        live.size() == 1
        live[0] in returned.keySet()

        and: "that one refreshes"
        engine.refresh(RefreshRequest.of(Dialect.MIELTO, workspace, returned[live[0]].tokens().refreshToken()),
                T0 + Duration.ofSeconds(3)).status() == OK

        where:
        store << Store.all()
    }

    def "32 concurrent replays with the default count: one re-issue, then the grant is revoked, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def a = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(1))

        when:
        def outcomes = race { engine.refresh(RefreshRequest.of(Dialect.SESSION, null, a.refreshToken()), T0 + Duration.ofSeconds(2)) }

        then:
        outcomes.count { it.status() == OK } == 1
        outcomes.count { it.status() in [REUSED, REVOKED] } == REPLAYS - 1
        revoked(store, a.grantId())

        where:
        store << Store.all()
    }

    def "replays of A racing rotations of its successor never leave two live chains, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def workspace = "ws-${UUID.randomUUID()}".toString()
        def a = engine.issue(new GrantRequest(Dialect.MIELTO, 'dave', workspace, null, null), T0)
        def b1 = engine.refresh(RefreshRequest.of(Dialect.MIELTO, workspace, a.refreshToken()), T0 + Duration.ofSeconds(1))

        when: "half the threads replay A, half present B1"
        def outcomes = race { int i ->
            def token = i % 2 == 0 ? a.refreshToken() : b1.tokens().refreshToken()
            engine.refresh(RefreshRequest.of(Dialect.MIELTO, workspace, token), T0 + Duration.ofSeconds(2))
        }

        then: "either the grant was revoked, or exactly one token of it is still unspent"
        outcomes.any { it.status() == OK }
        revoked(store, a.grantId()) || liveTokenHashes(store, a.grantId()).size() == 1

        where:
        store << Store.all()
    }

    /** REPLAYS threads call refresh(i) at the same moment. */
    private List<RefreshOutcome> race(Closure<RefreshOutcome> refresh) {
        def ready = new CountDownLatch(REPLAYS)
        def go = new CountDownLatch(1)
        def futures = (0..<REPLAYS).collect { int i ->
            pool.submit({
                ready.countDown()
                go.await()
                refresh.maximumNumberOfParameters > 0 ? refresh(i) : refresh()
            } as Callable<RefreshOutcome>)
        }
        ready.await()
        go.countDown()
        futures*.get()
    }

    private static List<String> liveTokenHashes(Store store, UUID grantId) {
        store.sql { rows('SELECT token_hash FROM refresh_token WHERE grant_id = ? AND used_at IS NULL', [grantId]) }*.token_hash
    }

    private static boolean revoked(Store store, UUID grantId) {
        store.sql { firstRow('SELECT revoked_at FROM token_grant WHERE id = ?', [grantId]) }.revoked_at != null
    }
}
