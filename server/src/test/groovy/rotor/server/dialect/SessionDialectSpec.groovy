package rotor.server.dialect

import com.nimbusds.jwt.SignedJWT
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.session.SessionTokenApi
import rotor.client.micronaut.session.model.RefreshTokenRequest
import rotor.client.micronaut.session.model.Response
import rotor.server.support.EmbeddedServerSpecification

/** Every session row of ../shared/CONTRACTS.md, through the generated session client. */
@MicronautTest(transactional = false)
class SessionDialectSpec extends EmbeddedServerSpecification {

    @Inject
    SessionTokenApi session

    @Inject
    GrantsApi admin

    def "a refresh answers 200 with the envelope, code 0, and JWTs typed access and refresh"() {
        given:
        def grant = issue(admin, Dialect.SESSION)

        when:
        def response = session.refreshToken(new RefreshTokenRequest(grant.refreshToken))
        def body = response.body()

        then:
        response.status.code == 200
        body.code == 0
        body.msg == ''
        SignedJWT.parse(body.data.accessToken).JWTClaimsSet.getClaim('token_type') == 'access'
        SignedJWT.parse(body.data.refreshToken).JWTClaimsSet.getClaim('token_type') == 'refresh'
        SignedJWT.parse(body.data.refreshToken).JWTClaimsSet.getClaim('state_hash') != null
        body.data.accessExpires.offset.totalSeconds == 0
        body.data.refreshExpires.isAfter(body.data.accessExpires)
        response.header('Cache-Control') == 'no-store'
    }

    def "#why answers HTTP #status with code #code, data null and a correlation id in body and header"() {
        given:
        def grant = issue(admin, Dialect.SESSION)
        session.refreshToken(new RefreshTokenRequest(grant.refreshToken))
        def token = [spent: grant.refreshToken, forged: forged(grant.refreshToken), empty: ''][presented]

        when:
        session.refreshToken(new RefreshTokenRequest(token))

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == status
        def body = errorBody(e, Response)
        body.code == code
        body.data == null
        body.correlationId != null
        e.response.header('X-Correlation-Id') == body.correlationId.toString()
        body.error == null

        where:
        why                                        | presented | status | code
        'an empty refresh_token'                   | 'empty'   | 400    | 40001
        'a rotated (reused) refresh token'         | 'spent'   | 401    | 40101
        'a refresh JWT with a forged signature'    | 'forged'  | 401    | 40101
    }

    /** The same claims, the signature of another token: valid shape, invalid signature. */
    private static String forged(String token) {
        def parts = token.tokenize('.')
        parts[0] + '.' + parts[1] + '.' + parts[2].reverse()
    }
}
