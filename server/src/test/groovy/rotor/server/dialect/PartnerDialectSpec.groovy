package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.partner.AuthApi
import rotor.client.micronaut.partner.model.ErrorResponse
import rotor.client.micronaut.partner.model.ErrorResponseError
import rotor.client.micronaut.partner.model.RefreshTokenRequest
import rotor.server.support.EmbeddedServerSpecification

/** Every partner row of ../shared/CONTRACTS.md, through the generated partner client. */
@MicronautTest(transactional = false)
class PartnerDialectSpec extends EmbeddedServerSpecification {

    @Inject
    AuthApi partner

    @Inject
    GrantsApi admin

    def "a refresh answers 200 with the new pair, a 24 h access token and Bearer, uncached"() {
        given:
        def grant = issue(admin, Dialect.PARTNER, '1042')

        when:
        def response = partner.refreshToken(1042, 'refresh_token', new RefreshTokenRequest(grant.refreshToken))

        then:
        response.status.code == 200
        response.body().tokenType == 'Bearer'
        response.body().expiresIn == 86400
        response.body().refreshToken != grant.refreshToken
        response.header('Cache-Control') == 'no-store'
        response.header('Pragma') == 'no-cache'
    }

    def "#why answers 400 #error"() {
        given:
        def grant = issue(admin, Dialect.PARTNER, '7')
        partner.refreshToken(7, 'refresh_token', new RefreshTokenRequest(grant.refreshToken))
        def token = [fresh: issue(admin, Dialect.PARTNER, '7').refreshToken, spent: grant.refreshToken, unknown: 'rtr_' + 'C' * 43, empty: ''][presented]

        when:
        partner.refreshToken(partnerId, grantType, new RefreshTokenRequest(token))

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 400
        def body = errorBody(e, ErrorResponse)
        body.error == error
        body.errorDescription == description

        where:
        why                              | partnerId | grantType       | presented | error                                   | description
        'an empty refreshToken'          | 7         | 'refresh_token' | 'empty'   | ErrorResponseError.INVALID_REQUEST      | 'Missing refresh token.'
        'a grantType other than refresh' | 7         | 'password'      | 'fresh'   | ErrorResponseError.UNSUPPORTED_GRANT_TYPE | 'The grantType header must be refresh_token.'
        'an unknown refresh token'       | 7         | 'refresh_token' | 'unknown' | ErrorResponseError.INVALID_GRANT        | 'Refresh token has expired or is invalid.'
        'a reused refresh token'         | 7         | 'refresh_token' | 'spent'   | ErrorResponseError.INVALID_GRANT        | 'Refresh token has expired or is invalid.'
        'another partner\'s token'       | 8         | 'refresh_token' | 'fresh'   | ErrorResponseError.INVALID_GRANT        | 'Refresh token has expired or is invalid.'
    }
}
