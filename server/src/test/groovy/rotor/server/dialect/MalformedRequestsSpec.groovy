package rotor.server.dialect

import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

/**
 * Requests the typed clients cannot even send: missing or mistyped headers, bodies that are not
 * JSON, wrong media types, wrong JSON types, oversized bodies and headers. Each gets its dialect's
 * documented error, never a 5xx and never Micronaut's default error JSON.
 */
@MicronautTest(transactional = false)
class MalformedRequestsSpec extends EmbeddedServerSpecification {

    static final String BUSINESS = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
    static final String SOME_TOKEN = 'rtr_' + 'D' * 43
    static final String HUGE = 'x' * 70_000

    @Inject
    @Client('/')
    HttpClient http

    def "dayzero: #why answers #status #expected"() {
        when:
        def answer = send(HttpRequest.POST('/api/v1/oauth2/refresh', body ?: '').headers(headers).contentType(type))

        then:
        answer.status == status
        answer.text.contains(expected)
        !answer.text.contains('_links')

        where:
        why                           | headers                                                        | type               | body   | status | expected
        'no x-business-id'            | [Authorization: "Bearer ${SOME_TOKEN}"]                         | 'application/json' | null   | 422    | '{"loc":["header","x-business-id"],"msg":"Field required","type":"missing","input":null}'
        'an x-business-id not a UUID' | [Authorization: "Bearer ${SOME_TOKEN}", 'x-business-id': 'abc'] | 'application/json' | null   | 422    | '"type":"uuid_parsing","input":"abc"'
        'a too-short UUID'            | [Authorization: "Bearer ${SOME_TOKEN}", 'x-business-id': '1-1-1-1-1'] | 'application/json' | null | 422 | '"msg":"Input should be a valid UUID, invalid group length in group 0'
        'neither header'              | [:]                                                            | 'application/json' | null   | 401    | '{"detail":"Not authenticated"}'
        'an oversized header'         | [Authorization: "Bearer ${'y' * 9000}", 'x-business-id': BUSINESS] | 'application/json' | null | 400  | '{"detail":"Invalid HTTP request received."}'
        'any body and media type'     | [Authorization: "Bearer ${SOME_TOKEN}", 'x-business-id': BUSINESS] | 'text/plain'   | 'hi'   | 401    | '{"detail":"Invalid or expired refresh token"}'
    }

    def "onboard: #why answers #status #expected"() {
        when:
        def answer = send(HttpRequest.POST('/auth/oauth/refresh-token', body ?: '').headers(headers).contentType('application/json'))

        then:
        answer.status == status
        answer.json.code == expected
        !answer.text.contains('_links')

        where:
        why                                 | headers                      | body  | status | expected
        'an x-auth-token of the wrong form' | ['x-auth-token': 'a b c']    | null  | 400    | 'MALFORMED_TOKEN'
        'an oversized header'               | ['x-auth-token': 'z' * 9000] | null  | 400    | 'BAD_REQUEST'
        'a body, which the gateway ignores' | ['x-auth-token': SOME_TOKEN] | HUGE  | 401    | 'REFRESH_TOKEN_INVALID'
    }

    def "partner: #why answers 400 #error"() {
        when:
        def answer = send(HttpRequest.POST('/v1/auth/token', body).headers(headers).contentType(type))

        then:
        answer.status == 400
        answer.json.error == error
        answer.json.error_description == description

        where:
        why                        | headers                                      | type               | body                     | error                    | description
        'no partnerId'             | [grantType: 'refresh_token']                 | 'application/json' | '{"refreshToken":"x"}'   | 'invalid_request'        | 'The partnerId header is required and must be an integer.'
        'a partnerId not an int32' | [partnerId: '12a', grantType: 'refresh_token'] | 'application/json' | '{"refreshToken":"x"}' | 'invalid_request'        | 'The partnerId header is required and must be an integer.'
        'a partnerId over int32'   | [partnerId: '4294967296', grantType: 'refresh_token'] | 'application/json' | '{"refreshToken":"x"}' | 'invalid_request' | 'The partnerId header is required and must be an integer.'
        'no grantType'             | [partnerId: '1']                             | 'application/json' | '{"refreshToken":"x"}'   | 'invalid_request'        | 'The grantType header is required.'
        'another grantType'        | [partnerId: '1', grantType: 'password']      | 'application/json' | '{}'                     | 'unsupported_grant_type' | 'The grantType header must be refresh_token.'
        'no refreshToken'          | [partnerId: '1', grantType: 'refresh_token'] | 'application/json' | '{}'                     | 'invalid_request'        | 'Missing refresh token.'
        'a body that is not JSON'  | [partnerId: '1', grantType: 'refresh_token'] | 'application/json' | 'refreshToken=x'         | 'invalid_request'        | 'Missing refresh token.'
        'a JSON array'             | [partnerId: '1', grantType: 'refresh_token'] | 'application/json' | '["x"]'                  | 'invalid_request'        | 'Missing refresh token.'
        'a refreshToken object'    | [partnerId: '1', grantType: 'refresh_token'] | 'application/json' | '{"refreshToken":{}}'    | 'invalid_request'        | 'Missing refresh token.'
        'a form body'              | [partnerId: '1', grantType: 'refresh_token'] | 'application/x-www-form-urlencoded' | 'refreshToken=x' | 'invalid_request' | 'Missing refresh token.'
        'an oversized body'        | [partnerId: '1', grantType: 'refresh_token'] | 'application/json' | "{\"refreshToken\":\"${HUGE}\"}" | 'invalid_request' | 'The request is too large.'
    }

    def "session: #why answers 400 code 40001 with a correlation id"() {
        when:
        def answer = send(HttpRequest.POST('/session/token/refresh', body).contentType(type))

        then:
        answer.status == 400
        answer.json.code == 40001
        answer.json.containsKey('data') && answer.json.data == null
        answer.json.correlation_id == answer.headers['X-Correlation-Id']

        where:
        why                       | type               | body
        'no refresh_token'        | 'application/json' | '{}'
        'a body that is not JSON' | 'application/json' | '{"refresh_token":'
        'a JSON string'           | 'application/json' | '"token"'
        'a refresh_token list'    | 'application/json' | '{"refresh_token":["a"]}'
        'a refresh_token not a JWT' | 'application/json' | '{"refresh_token":"rtr_abc"}'
        'an XML body'             | 'application/xml'  | '<refresh_token>x</refresh_token>'
        'an oversized body'       | 'application/json' | "{\"refresh_token\":\"${HUGE}\"}"
    }

    def "oauth2: #path with #why in its form answers 400 invalid_request, and no log line shows the value"() {
        given:
        def log = new CapturedLog()

        when:
        def answer = send(HttpRequest.POST(path, form).contentType('application/x-www-form-urlencoded'))

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'
        log.lines().findAll { it.contains('SECRETVALUE') || it.contains('Exception') } == []

        cleanup:
        log?.close()

        where:
        [path, why, form] << [['/oauth2/token', '/oauth2/revoke', '/oauth2/introspect'], [
                ['a broken percent-escape', 'token=rtr_SECRETVALUE%zz&refresh_token=rtr_SECRETVALUE%zz&client_secret=cs_x&grant_type=refresh_token'],
                ['a lone percent sign', 'a=%&token=rtr_SECRETVALUE'],
                ['a broken escape in a name', '%zz=1&token=rtr_SECRETVALUE'],
        ]].combinations().collect { [it[0], it[1][0], it[1][1]] }
    }

    def "oauth2: #path with #name twice answers 400 invalid_request (RFC 6749 sections 3.2 and 5.2), even before client authentication"() {
        when:
        def answer = send(HttpRequest.POST(path, form).contentType('application/x-www-form-urlencoded'))

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'

        where:
        path                 | name            | form
        '/oauth2/token'      | 'grant_type'    | 'grant_type=refresh_token&grant_type=password&refresh_token=rtr_x&client_id=c&client_secret=s'
        '/oauth2/token'      | 'refresh_token' | 'grant_type=refresh_token&refresh_token=rtr_a&refresh_token=rtr_b&client_id=c&client_secret=s'
        '/oauth2/token'      | 'client_secret' | 'grant_type=refresh_token&refresh_token=rtr_a&client_id=c&client_secret=s&client_secret=t'
        '/oauth2/revoke'     | 'token'         | 'token=rtr_a&token=rtr_b&client_id=c&client_secret=s'
        '/oauth2/introspect' | 'token'         | 'token=rtr_a&token=rtr_b&client_id=c&client_secret=s'
    }

    def "#path with a form body whose percent-escapes are broken answers below 500 and logs no exception"() {
        given:
        def log = new CapturedLog()

        when:
        def answer = send(HttpRequest.POST(path, 'refresh_token=rtr_SECRETVALUE%zz&a=%').contentType('application/x-www-form-urlencoded'))

        then:
        answer.status >= 400 && answer.status < 500
        log.lines().findAll { it.contains('SECRETVALUE') || it.contains('Exception') } == []

        cleanup:
        log?.close()

        where:
        path << ['/api/v1/oauth2/refresh', '/auth/oauth/refresh-token', '/v1/auth/token', '/session/token/refresh',
                 '/api/v1/oauth/refresh/conn_x', '/admin/v1/grants']
    }

    def "a request line too long to read (#what) answers 414 URI Too Long: no dialect can be told from it"() {
        when:
        def answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:${port}${target}"))
                .header('x-auth-token', SOME_TOKEN).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() == 414
        new JsonSlurper().parseText(answer.body()) == [message: 'URI Too Long']

        where:
        what          | target
        'a long path' | '/api/v1/oauth/refresh/' + 'c' * 5000
        'a long query' | '/auth/oauth/refresh-token?q=' + 'x' * 5000
    }

    def "admin: #why answers #status #error"() {
        when:
        def answer = send(HttpRequest.POST('/admin/v1/grants', body).bearerAuth(ADMIN_TOKEN).contentType('application/json'))

        then:
        answer.status == status
        answer.json.error == error
        answer.json.message == message

        where:
        why                      | body                                            | status | error               | message
        'a body that is not JSON' | 'dialect=dayzero'                              | 400    | 'invalid_request'   | 'The request body is missing, is not JSON, or has a field of the wrong type.'
        'no subject'             | '{"dialect":"onboard"}'                         | 422    | 'validation_failed' | 'The request has invalid fields.'
        'an empty subject'       | '{"dialect":"onboard","subject":""}'            | 422    | 'validation_failed' | 'The request has invalid fields.'
        'an oversized body'      | "{\"dialect\":\"onboard\",\"subject\":\"${HUGE}\"}" | 400 | 'invalid_request' | 'The request body is larger than the 64 KiB the server reads.'
    }

    def "mielto: a connection_id over 128 characters answers FastAPI's 422 string_too_long, after authentication"() {
        given:
        def key = new JsonSlurper().parseText(http.toBlocking().retrieve(HttpRequest.POST('/admin/v1/api-keys', '{"workspace_id":"ws_malformed"}')
                .bearerAuth(ADMIN_TOKEN).contentType('application/json'))).api_key
        def longId = 'c' * 129

        when:
        def authenticated = send(HttpRequest.POST("/api/v1/oauth/refresh/${longId}", '').bearerAuth(key as String))
        def anonymous = send(HttpRequest.POST("/api/v1/oauth/refresh/${longId}", ''))

        then:
        authenticated.status == 422
        authenticated.text.contains('{"loc":["path","connection_id"],"msg":"String should have at most 128 characters","type":"string_too_long","input":"' + longId + '","ctx":{"max_length":128}}')
        anonymous.status == 401
        anonymous.json.detail == 'Not authenticated'
    }

    def "a method a dialect's path does not take answers in that dialect's shape"() {
        when:
        def answer = send(HttpRequest.GET(path))

        then:
        answer.status == 405
        answer.headers['allow'] == 'POST'
        answer.text.contains(expected)
        !answer.text.contains('_links')

        where:
        path                        | expected
        '/api/v1/oauth2/refresh'    | '"detail":"Method Not Allowed"'
        '/auth/oauth/refresh-token' | '"code":"METHOD_NOT_ALLOWED"'
        '/v1/auth/token'            | '"error":"invalid_request"'
        '/session/token/refresh'    | '"code":40501'
    }

    private Answer send(MutableHttpRequest<?> request) {
        Answer.to(http, request)
    }
}
