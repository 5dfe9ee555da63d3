package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * A request line the codec cannot read has no path rotor knows, so no dialect can be told from
 * it: it is a 400 in no dialect's shape, as the 414 of a line too long is, and the connection
 * closes, so nothing sent after it on that connection is read as a request of its own.
 */
@MicronautTest(transactional = false)
class ARequestLineThatCannotBeReadIsRefusedSpec extends EmbeddedServerSpecification {

    def "#what is a 400 {\"message\":\"Bad Request\"}, and what follows it is never answered"() {
        when:
        def answer = RawHttp.exchange(port, request + 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n')

        then:
        answer ==~ /(?s)HTTP\/1\.[01] 400 .*/
        answer.endsWith('\r\n\r\n{"message":"Bad Request"}')
        answer.count('HTTP/1.') == 1

        where:
        what                             | request
        'a version without its minor'    | 'POST /session/token/refresh HTTP/1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n'
        'a version with a leading zero'  | 'POST /v1/auth/token HTTP/01.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n'
        'text after the version'         | 'POST /oauth2/token HTTP/1.1 extra\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n'
        'bare line feeds'                | 'POST /session/token/refresh HTTP/1.1\nHost: localhost\nContent-Length: 0\n\n'
    }
}
