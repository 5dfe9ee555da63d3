package rotor.server.dialect

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

/**
 * A JSON value of the wrong type is refused, never coerced: {"tenant":1} is not the tenant "1"
 * and {"expires_at":5} is not 1970-01-01T00:00:05Z. admin.yaml answers a field of the wrong JSON
 * type with 400 invalid_request and a JSON string the contract does not accept (an enum value it
 * does not list, a date-time that does not parse) with 422 validation_failed on that field.
 */
@MicronautTest(transactional = false)
class JsonValuesOfTheWrongTypeAreRefusedSpec extends EmbeddedServerSpecification {

    static final String CONNECTION = '"workspace_id":"ws_types","token_url":"https://auth.example.com/token",' +
            '"client_id":"acme","client_secret":"s3cret","refresh_token":"up-rt-1"'

    @Inject
    @Client('/')
    HttpClient http

    def "admin #path with #why answers 400 invalid_request"() {
        when:
        def answer = post(path, body, ADMIN_TOKEN)

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'

        where:
        why                             | path                     | body
        'a number for tenant'           | '/admin/v1/grants'       | '{"dialect":"onboard","subject":"u1","tenant":1}'
        'a boolean for subject'         | '/admin/v1/grants'       | '{"dialect":"onboard","subject":true}'
        'a number for scope'            | '/admin/v1/grants'       | '{"dialect":"oauth2","subject":"u1","scope":5}'
        'a number for dialect'          | '/admin/v1/grants'       | '{"dialect":5,"subject":"u1"}'
        'an array for dialect'          | '/admin/v1/grants'       | '{"dialect":["onboard"],"subject":"u1"}'
        'an array for client_auth_method' | '/admin/v1/connections' | "{${CONNECTION},\"client_auth_method\":[\"client_secret_post\"]}"
        'a number for workspace_id'     | '/admin/v1/api-keys'     | '{"workspace_id":5}'
        'a number for expires_at'       | '/admin/v1/connections'  | "{${CONNECTION},\"expires_at\":5}"
        'an object for client_secret'   | '/admin/v1/connections'  | '{"workspace_id":"ws_types","token_url":"https://auth.example.com/token","client_id":"acme","client_secret":{},"refresh_token":"up-rt-1"}'
        'a number for token_url'        | '/admin/v1/connections'  | '{"workspace_id":"ws_types","token_url":443,"client_id":"acme","client_secret":"s3cret","refresh_token":"up-rt-1"}'
        'an array for token_url'        | '/admin/v1/connections'  | '{"workspace_id":"ws_types","token_url":["https://auth.example.com/token"],"client_id":"acme","client_secret":"s3cret","refresh_token":"up-rt-1"}'
    }

    def "admin #path with #why answers 422 validation_failed on #field"() {
        when:
        def answer = post(path, body, ADMIN_TOKEN)

        then:
        answer.status == 422
        answer.json.error == 'validation_failed'
        answer.json.violations*.field == [field]

        where:
        why                                | path                    | body                                                            | field
        'a dialect the contract lacks'     | '/admin/v1/grants'      | '{"dialect":"foo","subject":"u1"}'                              | 'dialect'
        'a client_auth_method it lacks'    | '/admin/v1/connections' | "{${CONNECTION},\"client_auth_method\":\"x\"}"                  | 'client_auth_method'
        'an expires_at that is no date'    | '/admin/v1/connections' | "{${CONNECTION},\"expires_at\":\"next tuesday\"}"               | 'expires_at'
        'an expires_at without an offset'  | '/admin/v1/connections' | "{${CONNECTION},\"expires_at\":\"2030-01-01T00:00:00\"}"        | 'expires_at'
        'a token_url that is no URI'       | '/admin/v1/connections' | '{"workspace_id":"ws_types","token_url":"https://a b/token","client_id":"acme","client_secret":"s3cret","refresh_token":"up-rt-1"}' | 'token_url'
    }

    def "admin still takes an expires_at with an offset"() {
        when:
        def answer = post('/admin/v1/connections', "{${CONNECTION},\"expires_at\":\"2030-01-01T00:00:00+02:00\"}", ADMIN_TOKEN)

        then:
        answer.status == 201
        java.time.OffsetDateTime.parse(answer.json.expires_at as String).toInstant() == java.time.Instant.parse('2029-12-31T22:00:00Z')
    }

    def "partner with refreshToken #token answers 400 invalid_request, as a missing token"() {
        when:
        def answer = send(HttpRequest.POST('/v1/auth/token', "{\"refreshToken\":${token}}")
                .headers(partnerId: '7', grantType: 'refresh_token').contentType('application/json'))

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'

        where:
        token << ['1', 'true', '["rtr_x"]']
    }

    def "session with refresh_token #token answers 400 code 40001"() {
        when:
        def answer = send(HttpRequest.POST('/session/token/refresh', "{\"refresh_token\":${token}}").contentType('application/json'))

        then:
        answer.status == 400
        answer.json.code == 40001

        where:
        token << ['1', 'false', '{"a":"b"}']
    }

    private Answer post(String path, String body, String bearer) {
        send(HttpRequest.POST(path, body).bearerAuth(bearer).contentType('application/json'))
    }

    private Answer send(HttpRequest<?> request) {
        Answer.to(http, request)
    }
}
