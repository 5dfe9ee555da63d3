package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.dayzero.OauthApi
import rotor.client.micronaut.dayzero.model.HTTPError
import rotor.server.support.EmbeddedServerSpecification

/** Every dayzero row of ../shared/CONTRACTS.md, through the generated dayzero client. */
@MicronautTest(transactional = false)
class DayzeroDialectSpec extends EmbeddedServerSpecification {

    @Inject
    OauthApi dayzero

    @Inject
    GrantsApi admin

    def "a refresh answers 200 with a new pair, Bearer, expires_in and scope, uncached"() {
        given:
        def business = UUID.randomUUID()
        def grant = issue(admin, Dialect.DAYZERO, business.toString(), 'read write')

        when:
        def response = withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }
        def body = response.body()

        then:
        response.status.code == 200
        body.tokenType == 'Bearer'
        body.expiresIn == 3600
        body.scope == 'read write'
        body.refreshToken != grant.refreshToken
        body.accessToken.count('.') == 2
        response.header('Cache-Control') == 'no-store'
        response.header('Pragma') == 'no-cache'
    }

    def "no or a non-Bearer Authorization answers 401 Not authenticated with the Bearer challenge"() {
        when:
        withCredential(credential) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, HTTPError).detail == 'Not authenticated'
        e.response.header('WWW-Authenticate') == 'Bearer'

        where:
        credential << [Credential.header('X-Nothing', 'none'), Credential.header('Authorization', 'Basic dXNlcjpwYXNz')]
    }

    def "an unknown, reused or foreign-tenant token answers 401 invalid_token"() {
        given:
        def business = UUID.randomUUID()
        def grant = issue(admin, Dialect.DAYZERO, business.toString())
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        when:
        withCredential(Credential.bearer(token == 'reused' ? grant.refreshToken : token)) {
            dayzero.refreshTokenApiV1Oauth2RefreshPost(token == 'foreign' ? UUID.randomUUID() : business)
        }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, HTTPError).detail == 'Invalid or expired refresh token'
        e.response.header('WWW-Authenticate') == 'Bearer error="invalid_token"'

        where:
        token << ['rtr_' + 'A' * 43, 'reused', 'not-even-a-rotor-token']
    }

    def "a refresh token presented under another business is unknown there and still good at home"() {
        given:
        def home = UUID.randomUUID()
        def grant = issue(admin, Dialect.DAYZERO, home.toString())

        when:
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }

        then:
        thrown(HttpClientResponseException)
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(home) }.status.code == 200
    }
}
