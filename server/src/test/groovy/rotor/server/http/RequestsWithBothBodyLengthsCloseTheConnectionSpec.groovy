package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9112 section 6.3: a request with both Transfer-Encoding and Content-Length "might indicate
 * an attempt to perform request smuggling"; the server reads it by Transfer-Encoding alone and
 * "MUST close the connection after responding to such a request". A proxy in front that trusts
 * Content-Length sends one request where rotor read two: the one hidden in the Content-Length
 * body used to run. Netty drops the Content-Length before rotor sees the request, so every
 * chunked request is its connection's last.
 */
@MicronautTest(transactional = false)
class RequestsWithBothBodyLengthsCloseTheConnectionSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "a refresh hidden in the Content-Length body of a chunked request is not run: one answer, then the connection closes"() {
        given:
        def outer = issue(admin, Dialect.ONBOARD)
        def hidden = issue(admin, Dialect.ONBOARD)
        def chunked = '0\r\n\r\n'
        def smuggled = refresh(hidden.refreshToken, 'Content-Length: 0\r\n')

        when:
        def answers = RawHttp.exchange(port, refresh(outer.refreshToken,
                "Content-Length: ${chunked.length() + smuggled.length()}\r\nTransfer-Encoding: chunked\r\n") + chunked + smuggled)

        then: 'the chunked request is answered, and the connection closed after it'
        answers.findAll(/HTTP\/1\.[01] \d{3}/) == ['HTTP/1.1 200']
        answers.toLowerCase().contains('connection: close')

        and: 'the hidden token was never spent'
        RawHttp.exchange(port, refresh(hidden.refreshToken, 'Content-Length: 0\r\nConnection: close\r\n')).startsWith('HTTP/1.1 200')
    }

    private static String refresh(String token, String headers) {
        "POST /auth/oauth/refresh-token HTTP/1.1\r\nHost: localhost\r\nx-auth-token: ${token}\r\n${headers}\r\n"
    }
}
