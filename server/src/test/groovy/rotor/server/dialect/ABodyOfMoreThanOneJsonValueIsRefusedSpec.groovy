package rotor.server.dialect

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

/**
 * A JSON body is one JSON value (RFC 8259 section 2: JSON-text = ws value ws). Anything after the
 * value makes the body not JSON, which CONTRACTS.md answers as a malformed request in each
 * dialect's shape; the server never reads the first value and ignores the rest.
 */
@MicronautTest(transactional = false)
class ABodyOfMoreThanOneJsonValueIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "partner: #why after the body is 400 invalid_request, as a body that is not JSON"() {
        when:
        def answer = send(HttpRequest.POST('/v1/auth/token', '{"refreshToken":"rtr_x"}' + trailing)
                .headers(partnerId: '7', grantType: 'refresh_token').contentType('application/json'))

        then:
        answer.status == 400
        answer.json == [error: 'invalid_request', error_description: 'Missing refresh token.']

        where:
        why               | trailing
        'a word'          | ' garbage'
        'a second object' | '{"refreshToken":"rtr_y"}'
        'a stray bracket' | ']'
        'a number'        | ' 1'
    }

    def "session: #why after a JWT-shaped refresh_token is #status code #code"() {
        when:
        def answer = send(HttpRequest.POST('/session/token/refresh', '{"refresh_token":"eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"}' + trailing)
                .contentType('application/json'))

        then:
        answer.status == status
        answer.json.code == code
        answer.json.data == null

        where:
        why               | trailing    | status | code
        'nothing'         | ''          | 401    | 40101
        'a word'          | ' trailing' | 400    | 40001
        'a second object' | '{}'        | 400    | 40001
    }

    def "admin: a second value after the body is 400 invalid_request"() {
        when:
        def answer = createApiKey('{"workspace_id":"ws_trailing"} {"workspace_id":"ws_other"}')

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'
    }

    def "whitespace around the one value is still JSON"() {
        when:
        def answer = createApiKey(' \r\n {"workspace_id":"ws_spaces"} \n\t ')

        then:
        answer.status == 201
        answer.json.workspace_id == 'ws_spaces'
    }

    /** POST /admin/v1/api-keys with this body as JSON, with the admin token. */
    private Answer createApiKey(String body) {
        send(HttpRequest.POST('/admin/v1/api-keys', body).bearerAuth(ADMIN_TOKEN).contentType('application/json'))
    }

    private Answer send(HttpRequest<?> request) {
        Answer.to(http, request)
    }
}
