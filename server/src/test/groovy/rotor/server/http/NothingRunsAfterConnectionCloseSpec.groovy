package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9112 section 9.6: after a request that says Connection: close, a server "MUST NOT process
 * any further requests received on that connection". A refresh pipelined behind it used to run
 * (its token spent) while its answer was never sent, so the client's retry with the token it
 * still held revoked the grant. It is now never run, and the token still refreshes.
 */
@MicronautTest(transactional = false)
class NothingRunsAfterConnectionCloseSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "a refresh pipelined behind #closer is not run: its token still refreshes"() {
        given:
        def before = issue(admin, Dialect.ONBOARD)
        def closing = issue(admin, Dialect.ONBOARD)
        def behind = issue(admin, Dialect.ONBOARD)

        when:
        def answers = RawHttp.exchange(port, refresh(before.refreshToken, 'HTTP/1.1', '') +
                refresh(closing.refreshToken, version, header) +
                refresh(behind.refreshToken, 'HTTP/1.1', ''))

        then: 'two answers, then the connection closed'
        answers.findAll(/HTTP\/1\.[01] \d{3}/).size() == 2

        and: 'the third token was never spent'
        statusOf(refresh(behind.refreshToken, 'HTTP/1.1', 'Connection: close\r\n')) == 200

        where:
        closer                         | version    | header
        'Connection: close'            | 'HTTP/1.1' | 'Connection: close\r\n'
        'an HTTP/1.0 request'          | 'HTTP/1.0' | ''
    }

    private static String refresh(String token, String version, String header) {
        "POST /auth/oauth/refresh-token ${version}\r\nHost: localhost\r\nx-auth-token: ${token}\r\nContent-Length: 0\r\n${header}\r\n"
    }

    private int statusOf(String request) {
        RawHttp.exchange(port, request).substring(9, 12) as int
    }
}
