package rotor.server.retention

import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK
import static rotor.server.engine.RefreshOutcome.Status.REUSED

/**
 * dayzero (no idle timeout, no grace period in the shared store) with the default windows (ended grants 7 days, expired tokens 1 hour, history 90 days): what
 * retention deletes and, as much, what it keeps. The runs are at instants far past the spec's own
 * grants, so other specs' rows in the shared store may go too; the spec looks only at its own.
 */
class RetentionDeletesOnlyWhatIsNoLongerNeededSpec extends Specification {

    static final Instant T0 = Instant.parse('2030-01-01T00:00:00Z')

    def "a revoked grant goes after 7 days with its tokens; a live grant keeps every token reuse detection needs, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def business = UUID.randomUUID().toString()
        def revoked = engine.issue(new GrantRequest(Dialect.DAYZERO, 'gone', business, null, null), T0)
        engine.revoke(revoked.grantId(), 'admin', T0)
        def live = engine.issue(new GrantRequest(Dialect.DAYZERO, 'kept', business, null, null), T0)
        def second = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, live.refreshToken()), T0 + Duration.ofDays(1))

        when: "6 days after the revocation"
        store.bean(Janitor).run(T0 + Duration.ofDays(6))

        then:
        rows(store, revoked.grantId()) == [grants: 1, tokens: 1]

        when: "8 days after"
        def run = store.bean(Janitor).run(T0 + Duration.ofDays(8))

        then:
        run.ran()
        run.grants() >= 1
        rows(store, revoked.grantId()) == [grants: 0, tokens: 0]
        rows(store, live.grantId()) == [grants: 1, tokens: 2]

        and: "the live grant still refreshes, and a replay of its spent token is still detected"
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, second.tokens().refreshToken()), T0 + Duration.ofDays(8)).status() == OK
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, live.refreshToken()), T0 + Duration.ofDays(8)).status() == REUSED

        where:
        store << Store.all()
    }

    def "history older than 90 days goes; a grant that expired goes 7 days after its expiry, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def grant = engine.issue(new GrantRequest(Dialect.ONBOARD, 'old', null, null, null), T0)

        when: "the grant expired at 30 days"
        store.bean(Janitor).run(T0 + Duration.ofDays(36))

        then:
        rows(store, grant.grantId()).grants == 1
        history(store, grant.grantId()) == 1

        when:
        store.bean(Janitor).run(T0 + Duration.ofDays(38))

        then:
        rows(store, grant.grantId()) == [grants: 0, tokens: 0]
        history(store, grant.grantId()) == 1

        when:
        store.bean(Janitor).run(T0 + Duration.ofDays(91))

        then:
        history(store, grant.grantId()) == 0

        where:
        store << Store.all()
    }

    def "while another instance holds the lease, a run deletes nothing, on #store"() {
        given:
        def repository = store.bean(RetentionRepository)
        def now = T0 + Duration.ofDays(200)
        repository.claim('retention', 'another-instance', now, now + Duration.ofMinutes(10))

        when:
        def run = store.bean(Janitor).run(now)

        then:
        !run.ran()

        cleanup:
        repository.release('retention', 'another-instance')

        where:
        store << Store.all()
    }

    private static Map<String, Integer> rows(Store store, UUID grantId) {
        store.sql {
            [grants: firstRow('SELECT COUNT(*) AS n FROM token_grant WHERE id = ?', [grantId]).n as int,
             tokens: firstRow('SELECT COUNT(*) AS n FROM refresh_token WHERE grant_id = ?', [grantId]).n as int]
        }
    }

    private static int history(Store store, UUID grantId) {
        store.sql { firstRow('SELECT COUNT(*) AS n FROM audit_event WHERE grant_id = ?', [grantId]).n as int }
    }
}
