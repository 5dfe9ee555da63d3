package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.REVOKED

class RevocationSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "a revoked grant refreshes no more, and the revocation is audited once, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'bob', null, null, null), T0)

        when:
        def revoked = engine.revoke(issued.grantId(), 'admin', T0 + Duration.ofMinutes(1))
        def again = engine.revoke(issued.grantId(), 'admin', T0 + Duration.ofMinutes(2))

        then:
        revoked
        again
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), T0 + Duration.ofMinutes(3)).status() == REVOKED
        store.sql { rows('SELECT detail FROM audit_event WHERE grant_id = ? AND event_type = ?', [issued.grantId(), 'REVOKED']) }*.detail == ['reason=admin']

        where:
        store << Store.all()
    }

    def "revoking an unknown grant says so, on #store"() {
        expect:
        !store.bean(TokenEngine).revoke(UUID.randomUUID(), 'admin', T0)

        where:
        store << Store.all()
    }
}
