package rotor.server.engine

import com.nimbusds.jwt.SignedJWT
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK

class RotationSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "a refresh spends the token and issues its successor in the same grant, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def business = UUID.randomUUID().toString()
        def first = engine.issue(new GrantRequest(Dialect.DAYZERO, 'alice', business, 'read write', null), T0)

        when:
        def second = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, first.refreshToken()), T0 + Duration.ofMinutes(5))
        def third = engine.refresh(RefreshRequest.of(Dialect.DAYZERO, business, second.tokens().refreshToken()), T0 + Duration.ofMinutes(10))

        then:
        second.status() == OK
        third.status() == OK
        [first.refreshToken(), second.tokens().refreshToken(), third.tokens().refreshToken()].toSet().size() == 3
        second.tokens().grantId() == first.grantId()
        third.tokens().grantId() == first.grantId()
        third.tokens().scope() == 'read write'

        and: "the chain is stored by hash, one generation per rotation, each spent token marked"
        def chain = store.sql { rows('SELECT generation, parent_hash, used_at FROM refresh_token WHERE grant_id = ? ORDER BY generation', [first.grantId()]) }
        chain*.generation == [1, 2, 3]
        chain[0].used_at != null && chain[1].used_at != null && chain[2].used_at == null
        chain[1].parent_hash != null

        where:
        store << Store.all()
    }

    def "refresh tokens are 256 random bits behind a prefix, except session's, which are signed JWTs, on #store"() {
        given:
        def engine = store.bean(TokenEngine)

        when:
        def opaque = engine.issue(new GrantRequest(Dialect.ONBOARD, 'bob', null, null, null), T0)
        def session = engine.issue(new GrantRequest(Dialect.SESSION, 'lpua', null, null, null), T0)
        def claims = SignedJWT.parse(session.refreshToken()).JWTClaimsSet

        then:
        opaque.refreshToken() ==~ /rtr_[A-Za-z0-9_-]{43}/
        claims.getClaim('token_type') == 'refresh'
        claims.subject == 'lpua'
        claims.notBeforeTime.toInstant() == T0
        claims.expirationTime.toInstant() == session.refreshExpiresAt()
        (claims.getClaim('state_hash') as String).decodeBase64().length == 32

        where:
        store << Store.all()
    }

    def "the access token carries sub, tid, scope, iat, exp, jti and gid, and kid in its header, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.PARTNER, 'carol', '042', 'orders', null), T0)

        when:
        def jwt = SignedJWT.parse(issued.accessToken())
        def claims = jwt.JWTClaimsSet

        then:
        jwt.header.keyID != null
        jwt.header.algorithm.name == 'ES256'
        claims.subject == 'carol'
        claims.getClaim('tid') == '42'
        claims.getClaim('scope') == 'orders'
        claims.issueTime.toInstant() == T0
        claims.expirationTime.toInstant() == T0 + Duration.ofHours(24)
        claims.JWTID != null
        claims.getClaim('gid') == issued.grantId().toString()
        issued.accessExpiresInSeconds() == 24 * 3600

        where:
        store << Store.all()
    }

    def "with rotation off (partner here) the same refresh token keeps working and only the access token is new, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.PARTNER, 'dave', '7', null, null), T0)

        when:
        def once = engine.refresh(RefreshRequest.of(Dialect.PARTNER, '7', issued.refreshToken()), T0 + Duration.ofMinutes(1))
        def twice = engine.refresh(RefreshRequest.of(Dialect.PARTNER, '7', issued.refreshToken()), T0 + Duration.ofMinutes(2))

        then:
        once.status() == OK
        twice.status() == OK
        twice.tokens().refreshToken() == issued.refreshToken()
        twice.tokens().accessToken() != once.tokens().accessToken()

        where:
        store << Store.all()
    }

    def "a successor's scope is never wider than the grant's, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.OAUTH2, 'erin', null, 'read write', 'client-1'), T0)

        when:
        def wider = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, issued.refreshToken(), 'read admin', 'client-1'), T0 + Duration.ofMinutes(1))
        def narrower = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, issued.refreshToken(), 'read', 'client-1'), T0 + Duration.ofMinutes(2))
        def widerStill = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, narrower.tokens().refreshToken(), 'read write admin', 'client-1'), T0 + Duration.ofMinutes(3))

        then:
        wider.status() == RefreshOutcome.Status.INVALID_SCOPE
        narrower.status() == OK
        narrower.tokens().scope() == 'read'
        SignedJWT.parse(narrower.tokens().accessToken()).JWTClaimsSet.getClaim('scope') == 'read'
        widerStill.status() == RefreshOutcome.Status.INVALID_SCOPE

        where:
        store << Store.all()
    }

    def "a narrower scope narrows the access token only: the successor keeps the grant's scope (RFC 6749 section 6), on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def issued = engine.issue(new GrantRequest(Dialect.OAUTH2, 'erin', null, 'read write', 'client-1'), T0)

        when:
        def narrower = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, issued.refreshToken(), 'read', 'client-1'), T0 + Duration.ofMinutes(1))
        def omitted = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, narrower.tokens().refreshToken(), null, 'client-1'), T0 + Duration.ofMinutes(2))
        def full = engine.refresh(new RefreshRequest(Dialect.OAUTH2, null, omitted.tokens().refreshToken(), 'read write', 'client-1'), T0 + Duration.ofMinutes(3))

        then: "omitting scope is asking for the scope originally granted"
        narrower.tokens().scope() == 'read'
        omitted.status() == OK
        omitted.tokens().scope() == 'read write'
        SignedJWT.parse(omitted.tokens().accessToken()).JWTClaimsSet.getClaim('scope') == 'read write'
        full.status() == OK
        full.tokens().scope() == 'read write'

        where:
        store << Store.all()
    }

    def "a grace re-issue asked for a narrower scope keeps the grant's on its refresh token, and so does a grant without rotation, on #store"() {
        given: "session retries inside 30 s; partner does not rotate (Store's policies)"
        def engine = store.bean(TokenEngine)
        def session = engine.issue(new GrantRequest(Dialect.SESSION, 'ivy', null, 'read write', null), T0)
        def partner = engine.issue(new GrantRequest(Dialect.PARTNER, 'ivy', '1042', 'read write', null), T0)

        when:
        def narrowed = engine.refresh(new RefreshRequest(Dialect.SESSION, null, session.refreshToken(), 'read', null), T0 + Duration.ofSeconds(1))
        def retried = engine.refresh(new RefreshRequest(Dialect.SESSION, null, session.refreshToken(), 'read', null), T0 + Duration.ofSeconds(2))
        def afterRetry = engine.refresh(new RefreshRequest(Dialect.SESSION, null, retried.tokens().refreshToken(), null, null), T0 + Duration.ofSeconds(3))
        def partnerNarrowed = engine.refresh(new RefreshRequest(Dialect.PARTNER, '1042', partner.refreshToken(), 'read', null), T0 + Duration.ofSeconds(1))
        def partnerAgain = engine.refresh(new RefreshRequest(Dialect.PARTNER, '1042', partner.refreshToken(), null, null), T0 + Duration.ofSeconds(2))

        then:
        narrowed.status() == OK
        retried.status() == OK
        retried.tokens().scope() == 'read'
        afterRetry.status() == OK
        afterRetry.tokens().scope() == 'read write'
        partnerNarrowed.tokens().scope() == 'read'
        partnerAgain.tokens().refreshToken() == partner.refreshToken()
        partnerAgain.tokens().scope() == 'read write'

        where:
        store << Store.all()
    }
}
