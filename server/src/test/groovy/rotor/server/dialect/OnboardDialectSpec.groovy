package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.onboard.AuthOauthApi
import rotor.client.micronaut.onboard.model.ErrorMessageDto
import rotor.server.support.EmbeddedServerSpecification

import java.time.OffsetDateTime

/** Every onboard row of ../shared/CONTRACTS.md, through the generated onboard client. */
@MicronautTest(transactional = false)
class OnboardDialectSpec extends EmbeddedServerSpecification {

    @Inject
    AuthOauthApi onboard

    @Inject
    GrantsApi admin

    def "a refresh answers 200 with userId and both tokens with their expiries, uncached"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)

        when:
        def response = withCredential(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }
        def body = response.body()

        then:
        response.status.code == 200
        body.userId == grant.subject
        body.refreshToken.token != grant.refreshToken
        body.accessToken.token.count('.') == 2
        body.accessToken.expiry.isAfter(OffsetDateTime.now().plusMinutes(59))
        body.refreshToken.expiry.isAfter(OffsetDateTime.now().plusDays(29))
        response.header('Cache-Control') == 'no-store'
    }

    def "#why answers #status #code"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)
        def spent = grant.refreshToken
        withCredential(Credential.header('x-auth-token', spent)) { onboard.refreshAccessToken() }
        def presented = [missing: null, malformed: 'not-a-token', unknown: 'rtr_' + 'B' * 43, reused: spent][token]

        when:
        withCredential(presented == null ? Credential.header('X-Nothing', 'none') : Credential.header('x-auth-token', presented)) {
            onboard.refreshAccessToken()
        }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == status
        def error = errorBody(e, ErrorMessageDto)
        error.code == code
        !error.message.empty

        where:
        why                                   | token       | status | code
        'no x-auth-token header'              | 'missing'   | 401    | 'AUTH_TOKEN_MISSING'
        'a header that is not a rotor token'  | 'malformed' | 400    | 'MALFORMED_TOKEN'
        'an unknown token'                    | 'unknown'   | 401    | 'REFRESH_TOKEN_INVALID'
        'a token used before (reuse)'         | 'reused'    | 403    | 'REFRESH_TOKEN_REVOKED'
    }

    def "a token of a grant the admin revoked answers 403 REFRESH_TOKEN_REVOKED"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)
        withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.revokeGrant(grant.grantId) }

        when:
        withCredential(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 403
        errorBody(e, ErrorMessageDto).code == 'REFRESH_TOKEN_REVOKED'
    }
}
