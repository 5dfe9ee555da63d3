package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*

class ExpirySpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "a refresh token past its lifetime is refused as invalid, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def business = UUID.randomUUID().toString()
        def issued = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', business, null, null), T0)

        expect:
        issued.refreshExpiresAt() == T0 + Duration.ofDays(30)
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, issued.refreshToken()), T0 + Duration.ofDays(30)).status() == INVALID_GRANT

        where:
        store << Store.all()
    }

    def "a successor never outlives the grant's absolute expiry, nor does its access token, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def business = UUID.randomUUID().toString()
        def issued = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', business, null, null), T0)
        def grantEnd = T0 + Duration.ofDays(30)

        when:
        def late = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, issued.refreshToken()), grantEnd - Duration.ofMinutes(10))

        then:
        late.status() == OK
        late.tokens().refreshExpiresAt() == grantEnd
        late.tokens().accessExpiresAt() == grantEnd
        engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, late.tokens().refreshToken()), grantEnd).status() == INVALID_GRANT

        where:
        store << Store.all()
    }

    def "with an idle timeout (onboard here, 1 h) a grant whose newest token went unused too long expires, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'bob', null, null, null), T0)
        def active = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), T0 + Duration.ofMinutes(50))

        expect: "used within the hour, it lives on; unused for more than an hour, it is gone"
        active.status() == OK
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, active.tokens().refreshToken()), T0 + Duration.ofMinutes(111)).status() == INVALID_GRANT

        where:
        store << Store.all()
    }
}
