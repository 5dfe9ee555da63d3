package rotor.server.dialect

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

/**
 * A JSON object that names a member twice is a body that is not JSON, in each dialect's shape,
 * and spends no token: RFC 8259 section 4 leaves such an object to each parser, and one that
 * takes the first {"refreshToken"} (Micronaut's did) and one that takes the last (Python's, Go's,
 * JavaScript's) read different tokens from it.
 */
@MicronautTest(transactional = false)
class AJsonObjectThatNamesAMemberTwiceIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    GrantsApi admin

    def "partner: a live refreshToken named twice is 400 invalid_request, and the token is not spent"() {
        given:
        def grant = issue(admin, Dialect.PARTNER, '7')

        when:
        def twice = partner("{\"refreshToken\":\"${grant.refreshToken}\",\"refreshToken\":\"rtr_other\"}")
        def once = partner("{\"refreshToken\":\"${grant.refreshToken}\"}")

        then:
        twice.status == 400
        twice.json == [error: 'invalid_request', error_description: 'Missing refresh token.']
        once.status == 200
    }

    def "session: a live refresh_token named twice is 400 code 40001, and the token is not spent"() {
        given:
        def grant = issue(admin, Dialect.SESSION)

        when:
        def twice = session("{\"refresh_token\":\"${grant.refreshToken}\",\"refresh_token\":\"${grant.refreshToken}\"}")
        def once = session("{\"refresh_token\":\"${grant.refreshToken}\"}")

        then:
        twice.status == 400
        twice.json.code == 40001
        once.status == 200
    }

    def "admin: a member named twice is 400 invalid_request"() {
        when:
        def answer = Answer.to(http, HttpRequest.POST('/admin/v1/api-keys', '{"workspace_id":"ws_a","workspace_id":"ws_b"}')
                .bearerAuth(ADMIN_TOKEN).contentType('application/json'))

        then:
        answer.status == 400
        answer.json.error == 'invalid_request'
    }

    def "#body names a member twice in one object: #twice"() {
        expect:
        (OneJsonValueBodyReader.shapeOf(body.bytes) == OneJsonValueBodyReader.Shape.A_NAME_TWICE) == twice

        where:
        body                                   | twice
        '{"a":1,"b":{"c":1,"c":2}}'            | true
        '[{"a":1},{"a":1,"a":2}]'              | true
        '{"a":1,"b":{"a":2}}'                  | false
        '[{"a":1},{"a":2}]'                    | false
        '{"a":1'                               | false // not JSON: left to the mapper
        '"a"'                                  | false
    }

    private Answer partner(String body) {
        Answer.to(http, HttpRequest.POST('/v1/auth/token', body).headers(partnerId: '7', grantType: 'refresh_token').contentType('application/json'))
    }

    private Answer session(String body) {
        Answer.to(http, HttpRequest.POST('/session/token/refresh', body).contentType('application/json'))
    }
}
