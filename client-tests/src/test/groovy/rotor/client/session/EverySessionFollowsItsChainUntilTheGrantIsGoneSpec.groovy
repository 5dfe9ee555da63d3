package rotor.client.session

import rotor.client.jdk.admin.model.Dialect
import rotor.client.jdk.admin.model.GrantStatus
import rotor.client.session.dialect.DayzeroRefresher
import rotor.client.session.dialect.OAuth2Refresher
import rotor.client.session.dialect.OnboardRefresher
import rotor.client.session.dialect.PartnerRefresher
import rotor.client.session.dialect.SessionDialectRefresher
import rotor.client.session.store.InMemoryRefreshTokenStore
import rotor.client.support.Apis
import rotor.client.support.RotorServer
import spock.lang.Specification

import java.time.Instant
import java.util.concurrent.atomic.AtomicInteger

/** Each contract's session against the real server: it rotates the chain, and says so when the grant is gone. */
class EverySessionFollowsItsChainUntilTheGrantIsGoneSpec extends Specification {

    static final String BUSINESS = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'

    def server = RotorServer.get()
    def admin = server.admin()
    def refreshes = new AtomicInteger()
    def store = new InMemoryRefreshTokenStore()

    def "#dialect: refreshes follow one chain, each new token stored"() {
        given:
        def login = login(dialect)
        def session = session(login)

        when: 'a first token, then a refusal that forces a second refresh'
        def first = session.accessToken()
        def second = session.call { String token -> if (token == first) throw new AccessTokenRejectedException('401'); token }

        then:
        first != second
        def chain = admin.chain(login.grant.grantId)
        chain.size() == refreshes.get() + 1
        refreshes.get() >= 2
        chain.init().every { it.usedAt != null }
        admin.status(login.grant.grantId).status == GrantStatus.ACTIVE
        store.load().get() != login.grant.refreshToken

        where:
        dialect << ['dayzero', 'onboard', 'partner', 'session', 'oauth2']
    }

    def "#dialect: a grant revoked by the admin is a GrantGoneException with the contract's answer, and the store is cleared"() {
        given:
        def login = login(dialect)
        def session = session(login)
        admin.revoke(login.grant.grantId)

        when:
        session.accessToken()

        then:
        def e = thrown(GrantGoneException)
        e.answer() == answer
        store.load().isEmpty()

        where:
        dialect   | answer
        'dayzero' | 'invalid_token'
        'onboard' | 'REFRESH_TOKEN_REVOKED'
        'partner' | 'invalid_grant'
        'session' | '40101'
        'oauth2'  | 'invalid_grant'
    }

    def "#dialect: when someone else replays a spent token, the server revokes the grant and the session says a new login is needed"() {
        given: 'the session has rotated past the first token'
        def login = login(dialect)
        def session = session(login)
        def token = session.accessToken()

        when: 'the first token is presented again elsewhere (stolen): reuse'
        login.refresher.refresh(login.grant.refreshToken)

        then:
        thrown(GrantGoneException)

        when: 'the session needs a new access token'
        session.call { String t -> if (t == token) throw new AccessTokenRejectedException('401'); t }

        then:
        thrown(GrantGoneException)
        admin.status(login.grant.grantId).revokedReason == 'reuse_detected'

        where:
        dialect << ['dayzero', 'onboard', 'partner', 'session', 'oauth2']
    }

    private TokenSession session(Map login) {
        TokenSession.builder(login.refresher as Refresher, store)
                .initialRefreshToken(login.grant.refreshToken)
                .listener(new SessionListener() {
                    void refreshed(Instant at) { refreshes.incrementAndGet() }
                })
                .build()
    }

    private Map login(String dialect) {
        def url = server.baseUrl
        switch (dialect) {
            case 'dayzero':
                return [grant    : admin.grant(Dialect.DAYZERO, BUSINESS),
                        refresher: new DayzeroRefresher(Apis.jdk(rotor.client.jdk.dayzero.OauthApi, url), UUID.fromString(BUSINESS))]
            case 'onboard':
                return [grant: admin.grant(Dialect.ONBOARD), refresher: new OnboardRefresher(Apis.jdk(rotor.client.jdk.onboard.AuthOauthApi, url))]
            case 'partner':
                return [grant: admin.grant(Dialect.PARTNER, '1042'), refresher: new PartnerRefresher(Apis.jdk(rotor.client.jdk.partner.AuthApi, url), 1042)]
            case 'session':
                return [grant: admin.grant(Dialect.SESSION), refresher: new SessionDialectRefresher(Apis.jdk(rotor.client.jdk.session.SessionTokenApi, url))]
            case 'oauth2':
                def client = admin.oauthClient()
                return [grant    : admin.grant(Dialect.OAUTH2, null, client.clientId),
                        refresher: new OAuth2Refresher(Apis.jdk(rotor.client.jdk.oauth2.Oauth2Api, url), client.clientId, client.clientSecret)]
        }
        throw new IllegalArgumentException(dialect)
    }
}
