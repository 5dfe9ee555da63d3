package rotor.server.keys

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification

/**
 * RFC 9068 and RFC 8725 section 3.11: access tokens are typed at+jwt and carry their dialect's
 * audience; session's refresh JWTs carry a type of their own, so neither passes for the other, and
 * an unsigned or oddly signed refresh JWT is a forged token (401 40101), not a malformed request.
 */
@MicronautTest(transactional = false)
class TokensSayWhatTheyAreSpec extends EmbeddedServerSpecification {

    @Inject
    GrantsApi admin

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    StoredKeySignature signature

    def "a #dialect access token is typed at+jwt with the audience #dialect"() {
        when:
        def jwt = SignedJWT.parse(issue(admin, dialect, tenant).accessToken)

        then:
        jwt.header.type.type == 'at+jwt'
        jwt.JWTClaimsSet.audience == [dialect.value]
        signature.verify(jwt)

        where:
        dialect          | tenant
        Dialect.DAYZERO  | UUID.randomUUID().toString()
        Dialect.ONBOARD  | null
        Dialect.PARTNER  | '7'
        Dialect.SESSION  | null
        Dialect.MIELTO   | 'ws-types'
    }

    def "a session refresh JWT is typed refresh+jwt and never verifies as an access token"() {
        when:
        def refresh = SignedJWT.parse(issue(admin, Dialect.SESSION).refreshToken)

        then:
        refresh.header.type.type == 'refresh+jwt'
        !signature.verify(refresh)
    }

    def "a session refresh JWT is no Bearer credential for mielto, whatever its tenant"() {
        given:
        def refresh = issue(admin, Dialect.SESSION).refreshToken

        when:
        http.toBlocking().exchange(HttpRequest.POST('/api/v1/oauth/refresh/conn-1', '').bearerAuth(refresh)
                .header('X-Workspace-Id', 'default'), String)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
    }

    def "#what presented as a session refresh token is an invalid token: 401 40101"() {
        given:
        def grant = issue(admin, Dialect.SESSION)
        def presented = tokenFor(what, grant)

        when:
        http.toBlocking().exchange(HttpRequest.POST('/session/token/refresh', [refresh_token: presented]), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        e.response.getBody(Map).get().code == 40101

        where:
        what << ['an access token of the same grant', 'the refresh JWT unsigned (alg none)',
                 'the refresh JWT signed HS256 with a guessed key', 'the refresh JWT under an unknown algorithm',
                 'the refresh JWT as alg none, its signature kept', 'the refresh JWT as alg None, unsigned',
                 'the refresh JWT as alg NONE, unsigned']
    }

    private static String tokenFor(String what, grant) {
        def claims = SignedJWT.parse(grant.refreshToken).JWTClaimsSet
        switch (what) {
            case 'an access token of the same grant':
                return grant.accessToken
            case 'the refresh JWT unsigned (alg none)':
                return new PlainJWT(claims).serialize()
            case 'the refresh JWT signed HS256 with a guessed key':
                def hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims)
                hs.sign(new MACSigner('x' * 32))
                return hs.serialize()
            case 'the refresh JWT as alg none, its signature kept':
                return withHeader(grant.refreshToken, '{"alg":"none","typ":"refresh+jwt"}', true)
            case 'the refresh JWT as alg None, unsigned':
                return withHeader(grant.refreshToken, '{"alg":"None"}', false)
            case 'the refresh JWT as alg NONE, unsigned':
                return withHeader(grant.refreshToken, '{"alg":"NONE"}', false)
            default:
                def parts = grant.refreshToken.tokenize('.')
                def header = Base64.urlEncoder.withoutPadding().encodeToString('{"alg":"XY512","typ":"refresh+jwt"}'.bytes)
                return header + '.' + parts[1] + '.' + parts[2]
        }
    }

    /** The token's claims under another header, with its own signature or an empty one. */
    private static String withHeader(String token, String header, boolean keepSignature) {
        def parts = token.tokenize('.')
        Base64.urlEncoder.withoutPadding().encodeToString(header.bytes) + '.' + parts[1] + '.' + (keepSignature ? parts[2] : '')
    }
}
