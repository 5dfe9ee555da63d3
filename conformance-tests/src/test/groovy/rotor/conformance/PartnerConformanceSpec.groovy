package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.partner.AuthApi
import rotor.client.micronaut.partner.model.RefreshTokenRequest

/** partner (openapi/partner.yaml) through its generated client: every documented answer. */
class PartnerConformanceSpec extends ConformanceSpecification {

    AuthApi partner = client(AuthApi)

    def "200: the new pair, a 24 h access token, Bearer, uncached"() {
        given:
        def grant = Grants.issue(Dialect.PARTNER, '1042')

        when:
        def x = call { partner.refreshToken(1042, 'refresh_token', new RefreshTokenRequest(grant.refreshToken)) }

        then:
        conforms(x)
        x.status == 200
        x.json.expires_in == 86400
        x.json.token_type == 'Bearer'
        x.header('Cache-Control') == 'no-store'
        DayzeroConformanceSpec.verifiesAgainstKeySet(x.json.access_token as String)
    }

    def "400 #error: #why"() {
        given:
        def grant = Grants.issue(Dialect.PARTNER, '7')
        call { partner.refreshToken(7, 'refresh_token', new RefreshTokenRequest(grant.refreshToken)) }
        def token = [spent: grant.refreshToken, fresh: Grants.issue(Dialect.PARTNER, '7').refreshToken, empty: ''][presented]

        when:
        // The typed client sends an int32; the credential scope overrides the header when a row says so.
        def x = call(partnerIdHeader == null ? Credential.header('X-Conformance', 'partner') : Credential.header('partnerId', partnerIdHeader)) {
            partner.refreshToken(7, grantType, new RefreshTokenRequest(token))
        }

        then:
        partnerIdHeader == 'seven' ? answersConform(x) : conforms(x)
        x.status == 400
        x.json.error == error
        x.json.error_description == description

        where:
        why                                  | partnerIdHeader | grantType       | presented | error                    | description
        'an empty refreshToken'              | null            | 'refresh_token' | 'empty'   | 'invalid_request'        | 'Missing refresh token.'
        'a partnerId that is not an int32'   | 'seven'         | 'refresh_token' | 'fresh'   | 'invalid_request'        | 'The partnerId header is required and must be an integer.'
        'a grantType other than refresh'     | null            | 'password'      | 'fresh'   | 'unsupported_grant_type' | 'The grantType header must be refresh_token.'
        'a reused refresh token'             | null            | 'refresh_token' | 'spent'   | 'invalid_grant'          | 'Refresh token has expired or is invalid.'
        'another partner\'s refresh token'   | '8'             | 'refresh_token' | 'fresh'   | 'invalid_grant'          | 'Refresh token has expired or is invalid.'
    }
}
