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

import static rotor.server.engine.RefreshOutcome.Status.OK
import static rotor.server.engine.RefreshOutcome.Status.REUSED
import static rotor.server.engine.RefreshOutcome.Status.REVOKED

/**
 * 64 real threads present one token at the same moment, against the real database: exactly one
 * rotates. The rest are refused: as reuse (dayzero has no grace period), which revokes the grant,
 * or, once a first loser has revoked it, as a revoked grant.
 */
class ConcurrentRotationSpec extends Specification {

    static final int THREADS = 64
    static final int ROUNDS = 100
    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    @Shared
    ExecutorService pool = Executors.newFixedThreadPool(THREADS)

    def cleanupSpec() {
        pool.shutdownNow()
    }

    def "64 concurrent refreshes of one token rotate it exactly once, 100 rounds on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def rounds = []

        when:
        ROUNDS.times { round ->
            def business = UUID.randomUUID().toString()
            def issued = engine.issue(new GrantRequest(Dialect.DAYZERO, "racer-${round}", business, null, null), T0)
            def gate = new CountDownLatch(1)
            def futures = (1..THREADS).collect {
                pool.submit({
                    gate.await()
                    engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, issued.refreshToken()), T0 + Duration.ofSeconds(1))
                } as Callable<RefreshOutcome>)
            }
            gate.countDown()
            def statuses = futures*.get()*.status()
            def stored = store.sql { rows('SELECT used_at FROM refresh_token WHERE grant_id = ?', [issued.grantId()]) }
            rounds << [ok: statuses.count(OK), refused: statuses.count(REUSED) + statuses.count(REVOKED), reused: statuses.count(REUSED), tokens: stored.size(), spent: stored.count { it.used_at != null }]
        }

        then: "each round: one rotation, one successor, every other caller refused, the reuse seen"
        rounds.every { it.ok == 1 }
        rounds.every { it.refused == THREADS - 1 }
        rounds.every { it.reused >= 1 }
        rounds.every { it.tokens == 2 && it.spent == 1 }

        where:
        store << Store.all()
    }
}
