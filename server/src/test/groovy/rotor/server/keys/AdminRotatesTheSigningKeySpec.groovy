package rotor.server.keys

import com.nimbusds.jose.jwk.JWKSet
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/** POST /admin/v1/keys/rotate: the new key is in the key set at once and says when it signs. */
@MicronautTest(transactional = false)
class AdminRotatesTheSigningKeySpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "the admin rotates the key: published at once, signing one refresh interval later"() {
        when:
        def before = Instant.now()
        def response = http.toBlocking().exchange(HttpRequest.POST('/admin/v1/keys/rotate', '').bearerAuth(ADMIN_TOKEN), Map)
        def keySet = http.toBlocking().exchange('/.well-known/jwks.json', String)

        then:
        response.status.code == 200
        def kid = response.body().kid as String
        def signsFrom = Instant.parse(response.body().signs_from as String)
        !signsFrom.isBefore(before.plusSeconds(60))
        JWKSet.parse(keySet.body()).getKeyByKeyId(kid) != null
        keySet.header('Cache-Control') == 'public, max-age=60'
    }

    def "without the admin token the rotation is refused"() {
        when:
        http.toBlocking().exchange(HttpRequest.POST('/admin/v1/keys/rotate', '').bearerAuth('not-the-admin'), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
    }
}
