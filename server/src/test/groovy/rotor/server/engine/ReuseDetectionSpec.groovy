package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*

/** dayzero has no grace period (the default); session retries inside 30 s (see Store). */
class ReuseDetectionSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "a spent token presented again revokes the whole grant, successor included, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def business = UUID.randomUUID().toString()
        def first = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', business, null, null), T0)
        def second = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, first.refreshToken()), T0 + Duration.ofSeconds(10))

        when:
        def replay = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, first.refreshToken()), T0 + Duration.ofSeconds(11))
        def successor = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, second.tokens().refreshToken()), T0 + Duration.ofSeconds(12))

        then:
        replay.status() == REUSED
        successor.status() == REVOKED
        store.sql { firstRow('SELECT revoked_reason FROM token_grant WHERE id = ?', [first.grantId()]) }.revoked_reason == 'reuse_detected'
        store.sql { rows('SELECT event_type FROM audit_event WHERE grant_id = ? ORDER BY occurred_at', [first.grantId()]) }*.event_type ==
                ['GRANT_CREATED', 'REUSE_DETECTED']

        where:
        store << Store.all()
    }

    def "inside the grace period the immediately superseded token gets a fresh successor, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def first = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        def lost = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(1))

        when: "the client never saw the response and retries within 30 s"
        def retry = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(20))

        then:
        retry.status() == OK
        retry.tokens().grantId() == first.grantId()
        retry.tokens().refreshToken() != lost.tokens().refreshToken()

        and: "the retried successor refreshes normally"
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, retry.tokens().refreshToken()), T0 + Duration.ofSeconds(25)).status() == OK

        where:
        store << Store.all()
    }

    def "after the grace period the same retry is reuse, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def first = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(1))

        when:
        def late = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(32))

        then:
        late.status() == REUSED
        store.sql { firstRow('SELECT revoked_at FROM token_grant WHERE id = ?', [first.grantId()]) }.revoked_at != null

        where:
        store << Store.all()
    }

    def "an older generation presented inside the grace period still revokes, on #store"() {
        given: "generation 1 was spent, then generation 2"
        def engine = store.bean(TokenEngine)
        def first = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        def second = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(1))
        def third = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, second.tokens().refreshToken()), T0 + Duration.ofSeconds(2))

        when: "generation 1 comes back, 3 s after it was spent"
        def replay = engine.refresh(RefreshRequest.of(Dialect.SESSION, null, first.refreshToken()), T0 + Duration.ofSeconds(4))

        then:
        replay.status() == REUSED
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, third.tokens().refreshToken()), T0 + Duration.ofSeconds(5)).status() == REVOKED

        where:
        store << Store.all()
    }
}
