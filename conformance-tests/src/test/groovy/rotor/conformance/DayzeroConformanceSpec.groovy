package rotor.conformance

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.source.ImmutableJWKSet
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier
import com.nimbusds.jose.proc.JWSVerificationKeySelector
import com.nimbusds.jose.proc.SecurityContext
import com.nimbusds.jwt.proc.DefaultJWTProcessor
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.dayzero.OauthApi

/** dayzero (openapi/dayzero.yaml) through its generated client: every documented answer. */
class DayzeroConformanceSpec extends ConformanceSpecification {

    OauthApi dayzero = client(OauthApi)

    def "200: a new pair, Bearer, expires_in, uncached; the access token verifies against the key set"() {
        given:
        def business = UUID.randomUUID()
        def grant = Grants.issue(Dialect.DAYZERO, business.toString(), 'read')

        when:
        def x = call(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        then:
        conforms(x)
        x.status == 200
        x.json.token_type == 'Bearer'
        x.json.refresh_token != grant.refreshToken
        x.header('Cache-Control') == 'no-store'
        verifiesAgainstKeySet(x.json.access_token as String)
    }

    def "401: a reused token is refused with the invalid_token challenge, and so is its successor"() {
        given:
        def business = UUID.randomUUID()
        def grant = Grants.issue(Dialect.DAYZERO, business.toString())
        def first = call(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        when:
        def replay = call(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }
        def successor = call(Credential.bearer(first.json.refresh_token as String)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        then:
        conforms(replay)
        replay.status == 401
        replay.json.detail == 'Invalid or expired refresh token'
        replay.header('WWW-Authenticate') == 'Bearer error="invalid_token"'
        successor.status == 401
    }

    def "401: a token presented under another business is unknown there and still good at home"() {
        given:
        def home = UUID.randomUUID()
        def grant = Grants.issue(Dialect.DAYZERO, home.toString())

        when:
        def away = call(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }
        def back = call(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(home) }

        then:
        conforms(away)
        away.status == 401
        back.status == 200
    }

    def "401: no Bearer credential is Not authenticated with the Bearer challenge"() {
        when:
        def x = call(Credential.header('Authorization', null)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }

        then:
        answersConform(x)
        x.status == 401
        x.json.detail == 'Not authenticated'
        x.header('WWW-Authenticate') == 'Bearer'
    }

    def "422: #why, FastAPI's validation error"() {
        when:
        def x = call(Credential.bearer('rtr_' + 'Q' * 43).and('x-business-id', businessId)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }

        then:
        answersConform(x)
        x.status == 422
        x.json.detail[0].type == type
        x.json.detail[0].loc == ['header', 'x-business-id']
        x.json.detail[0].containsKey('input')

        where:
        why                                | businessId   | type
        'a missing x-business-id'          | null         | 'missing'
        'an x-business-id that is no UUID' | 'not-a-uuid' | 'uuid_parsing'
    }

    def "400: a header over the size limit is refused before FastAPI would see it"() {
        when:
        def x = call(Credential.bearer('y' * 9000)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }

        then:
        answersConform(x)
        x.status == 400
        x.json.detail == 'Invalid HTTP request received.'
    }

    static boolean verifiesAgainstKeySet(String accessToken) {
        def keys = JWKSet.parse(call { client(rotor.client.micronaut.oauth2.DiscoveryApi).jwks() }.responseBody)
        def processor = new DefaultJWTProcessor<SecurityContext>()
        processor.JWSKeySelector = new JWSVerificationKeySelector<SecurityContext>([JWSAlgorithm.ES256, JWSAlgorithm.RS256] as Set,
                new ImmutableJWKSet<SecurityContext>(keys))
        // Access tokens are typed at+jwt (RFC 9068); Nimbus takes only JWT or no typ unless told.
        processor.JWSTypeVerifier = new DefaultJOSEObjectTypeVerifier<SecurityContext>(new JOSEObjectType('at+jwt'))
        processor.process(accessToken, null) != null
    }
}
