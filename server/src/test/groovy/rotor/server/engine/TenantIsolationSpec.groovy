package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*

class TenantIsolationSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "a token presented under another tenant is unknown there and stays usable in its own, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def mine = UUID.randomUUID().toString()
        def theirs = UUID.randomUUID().toString()
        def issued = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', mine, null, null), T0)

        when:
        def elsewhere = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, theirs, issued.refreshToken()), T0 + Duration.ofSeconds(1))
        def home = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, mine.toUpperCase(), issued.refreshToken()), T0 + Duration.ofSeconds(2))

        then:
        elsewhere.status() == INVALID_GRANT
        home.status() == OK
        store.sql { firstRow('SELECT revoked_at FROM token_grant WHERE id = ?', [issued.grantId()]) }.revoked_at == null

        where:
        store << Store.all()
    }

    def "a token presented to another dialect is unknown there, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'bob', null, null, null), T0)

        expect:
        engine.refresh(RefreshRequest.of(Dialect.OAUTH2, null, issued.refreshToken()), T0 + Duration.ofSeconds(1)).status() == INVALID_GRANT
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), T0 + Duration.ofSeconds(2)).status() == OK

        where:
        store << Store.all()
    }

    def "nothing presented, a foreign token shape, and a tenant of the wrong form are told apart, on #store"() {
        given:
        def engine = store.bean(TokenEngine)

        expect:
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, ''), T0).status() == MISSING
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, 'not-a-rotor-token'), T0).status() == MALFORMED_TOKEN
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, 'rtr_' + 'A' * 43), T0).status() == INVALID_GRANT
        engine.refresh(RefreshRequest.of(Dialect.SESSION, null, 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln'), T0).status() == INVALID_GRANT
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, 'not-a-uuid', 'rtr_' + 'A' * 43), T0).status() == MALFORMED_TENANT
        engine.refresh(RefreshRequest.of(Dialect.PARTNER, '4x', 'rtr_' + 'A' * 43), T0).status() == MALFORMED_TENANT

        where:
        store << Store.all()
    }
}
