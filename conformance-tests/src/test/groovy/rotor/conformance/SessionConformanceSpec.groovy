package rotor.conformance

import com.nimbusds.jwt.SignedJWT
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.session.SessionTokenApi
import rotor.client.micronaut.session.model.RefreshTokenRequest

/** session (openapi/session.yaml) through its generated client: every documented answer. */
class SessionConformanceSpec extends ConformanceSpecification {

    SessionTokenApi session = client(SessionTokenApi)

    def "200: the envelope with code 0 and a JWT pair typed access and refresh"() {
        given:
        def grant = Grants.issue(Dialect.SESSION)

        when:
        def x = call { session.refreshToken(new RefreshTokenRequest(grant.refreshToken)) }

        then:
        conforms(x)
        x.status == 200
        x.json.code == 0
        x.json.msg == ''
        SignedJWT.parse(x.json.data.refresh_token as String).JWTClaimsSet.getClaim('token_type') == 'refresh'
        x.header('Cache-Control') == 'no-store'
        DayzeroConformanceSpec.verifiesAgainstKeySet(x.json.data.access_token as String)
    }

    def "#status code #code: #why, with a correlation id in body and header"() {
        given:
        def grant = Grants.issue(Dialect.SESSION)
        call { session.refreshToken(new RefreshTokenRequest(grant.refreshToken)) }
        def token = [spent: grant.refreshToken, empty: '', notJwt: 'rtr_abc'][presented]

        when:
        def x = call { session.refreshToken(new RefreshTokenRequest(token)) }

        then:
        conforms(x)
        x.status == status
        x.json.code == code
        x.json.data == null
        x.json.correlation_id == x.header('X-Correlation-Id')

        where:
        why                              | presented | status | code
        'an empty refresh_token'         | 'empty'   | 400    | 40001
        'a refresh_token that is no JWT' | 'notJwt'  | 400    | 40001
        'a rotated (reused) token'       | 'spent'   | 401    | 40101
    }
}
