package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9112 section 2.3: a request of a later HTTP/1 minor version is read as HTTP/1.1; one of
 * another major version has framing rotor does not know. Netty read "HTTP/9.9" as HTTP/1.1,
 * answered "HTTP/9.9 200" and spent the token.
 */
@MicronautTest(transactional = false)
class ARequestOfAnotherHttpMajorVersionIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "a request of HTTP/#version is onboard's 400 and closes, and a later minor version of HTTP/1 is read as HTTP/1.1"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)

        when:
        def other = RawHttp.exchange(port, refresh(grant.refreshToken, "HTTP/${version}", 'Host: localhost\r\n'))
        def minor = RawHttp.exchange(port, refresh(grant.refreshToken, 'HTTP/1.9', 'Host: localhost\r\n'))

        then:
        other.startsWith('HTTP/1.1 400')
        other.contains('"code":"BAD_REQUEST"')
        minor.startsWith('HTTP/1.1 200')

        where:
        version << ['9.9', '2.0', '0.9']
    }

    private static String refresh(String token, String version, String hosts) {
        "POST /auth/oauth/refresh-token ${version}\r\n${hosts}x-auth-token: ${token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    }
}
