package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.onboard.AuthOauthApi

/** onboard (openapi/onboard.yaml) through its generated client: every documented answer. */
class OnboardConformanceSpec extends ConformanceSpecification {

    AuthOauthApi onboard = client(AuthOauthApi)

    def "200: userId and both tokens with their expiries, uncached"() {
        given:
        def grant = Grants.issue(Dialect.ONBOARD)

        when:
        def x = call(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }

        then:
        conforms(x)
        x.status == 200
        x.json.userId == grant.subject
        x.json.refreshToken.token != grant.refreshToken
        x.header('Cache-Control') == 'no-store'
        DayzeroConformanceSpec.verifiesAgainstKeySet(x.json.accessToken.token as String)
    }

    def "#status #code: #why"() {
        given:
        def grant = Grants.issue(Dialect.ONBOARD)
        call(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }
        def header = [missing: null, malformed: 'not a token', unknown: 'rtr_' + 'O' * 43, reused: grant.refreshToken, oversized: 'o' * 9000][token]

        when:
        def x = call(Credential.header('x-auth-token', header)) { onboard.refreshAccessToken() }

        then:
        token == 'missing' || token == 'oversized' ? answersConform(x) : conforms(x)
        x.status == status
        x.json.code == code

        where:
        why                                   | token       | status | code
        'no x-auth-token header'              | 'missing'   | 401    | 'AUTH_TOKEN_MISSING'
        'a header that is not a rotor token'  | 'malformed' | 400    | 'MALFORMED_TOKEN'
        'a header over the size limit'        | 'oversized' | 400    | 'BAD_REQUEST'
        'an unknown token'                    | 'unknown'   | 401    | 'REFRESH_TOKEN_INVALID'
        'a reused token'                      | 'reused'    | 403    | 'REFRESH_TOKEN_REVOKED'
    }

    def "403 REFRESH_TOKEN_REVOKED: a token of a grant the admin revoked"() {
        given:
        def grant = Grants.issue(Dialect.ONBOARD)
        asAdmin { client(GrantsApi).revokeGrant(grant.grantId) }

        when:
        def x = call(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }

        then:
        conforms(x)
        x.status == 403
        x.json.code == 'REFRESH_TOKEN_REVOKED'
    }
}
