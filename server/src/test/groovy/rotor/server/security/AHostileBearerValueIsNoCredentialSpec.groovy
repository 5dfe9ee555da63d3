package rotor.server.security

import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

/**
 * Micronaut Security reads every request's Bearer value as a JWT before any route runs (mielto's
 * callers authenticate with rotor's access tokens). A value whose JOSE header Nimbus's parser does
 * not expect (a JSON null, a JWE header with null members) makes it throw NullPointerException:
 * unguarded, that was a 500 and an ERROR stack trace on every route, /health included, for anyone.
 * Such a value is no credential: each route answers as it does to any other Bearer value that is
 * no JWT of rotor's.
 */
@MicronautTest(transactional = false)
class AHostileBearerValueIsNoCredentialSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "#path answers a hostile Bearer value #hostile as it answers a value that is no JWT, and logs no stack trace"() {
        given:
        def expected = exchange(method, path, 'not-a-jwt')
        def log = new CapturedLog()

        when:
        def response = exchange(method, path, hostile)

        then:
        expected.status.code != 500
        response.status.code == expected.status.code
        !response.getBody(String).orElse('').contains('Exception')
        log.lines().findAll { it.contains('Exception') } == []

        cleanup:
        log?.close()

        where:
        [hostile, request] << [HostileJoseValuesAreNoTokensSpec.HOSTILE, [
                [HttpMethod.GET, '/health'],
                [HttpMethod.GET, '/.well-known/jwks.json'],
                [HttpMethod.GET, '/admin/v1/grants'],
                [HttpMethod.POST, '/api/v1/oauth/refresh/conn_x'],
                [HttpMethod.POST, '/oauth2/token'],
                [HttpMethod.GET, '/no/such/route'],
        ]].combinations()
        method = request[0]
        path = request[1]
    }

    private HttpResponse<String> exchange(HttpMethod method, String path, String bearer) {
        def request = HttpRequest.create(method, path).bearerAuth(bearer)
        if (method == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).body('')
        }
        try {
            http.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }
}
