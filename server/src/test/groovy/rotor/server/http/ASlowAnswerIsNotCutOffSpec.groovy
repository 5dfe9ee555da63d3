package rotor.server.http

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.ConnectionSpecification
import spock.util.concurrent.PollingConditions

import static rotor.server.support.RawHttp.line
import static rotor.server.support.RawHttp.write

/**
 * The request-read deadline (1 s here) bounds how long a client takes to send a request, never
 * how long the server takes to answer one: a mielto refresh whose upstream hangs is answered (502
 * when the 3 s call budget is spent), even when the client has already started its next request
 * behind it on the same connection.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.server.request-read-timeout', value = '1s')
@Property(name = 'rotor.connections.reuse-window', value = '0s')
@Property(name = 'rotor.connections.read-timeout', value = '3s')
@Property(name = 'rotor.connections.call-timeout', value = '3s')
class ASlowAnswerIsNotCutOffSpec extends ConnectionSpecification {

    def "a refresh answered after #budget is answered, #behind"() {
        given:
        upstream.hangs()
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        def refresh = "POST /api/v1/oauth/refresh/${id} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${key}\r\nContent-Length: 0\r\n\r\n"

        expect:
        new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = 10_000
            write(socket, refresh)
            new PollingConditions(timeout: 10).eventually { assert upstream.received.size() == 1 }
            if (next) {
                write(socket, next)
            }
            line(socket.inputStream).startsWith('HTTP/1.1 502')
        }

        where:
        behind                                                     | next
        'with nothing behind it'                                   | null
        'with the headers of the next request sent behind it'      | 'POST /v1/auth/token HTTP/1.1\r\nHost: localhost\r\npartnerId: 1042\r\n' +
                                                                       'grantType: refresh_token\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n'
        budget = 'the 3 s call budget'
    }

}
