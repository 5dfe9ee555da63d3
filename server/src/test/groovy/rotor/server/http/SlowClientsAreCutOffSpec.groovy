package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.EmbeddedServerSpecification

import static rotor.server.support.RawHttp.line
import static rotor.server.support.RawHttp.write

/**
 * A client must send a whole request within rotor.server.request-read-timeout (1 s here) of
 * opening the connection or of starting the request; otherwise the server closes the connection.
 * Micronaut's idle timeout (5 min) alone never ends one that trickles a byte at a time. A
 * connection kept open between requests is not cut off by it.
 */
@MicronautTest(transactional = false)
class SlowClientsAreCutOffSpec extends EmbeddedServerSpecification {

    /** Far past the deadline: a connection still open by then was not cut off. */
    static final int PATIENCE_MS = 8_000

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ['rotor.server.request-read-timeout': '1s']
    }

    def "a connection that sends nothing is closed"() {
        expect:
        new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = PATIENCE_MS
            socket.inputStream.read() == -1
        }
    }

    def "a client that trickles #what a byte at a time is closed"() {
        expect:
        new Socket('localhost', port).withCloseable { socket ->
            write(socket, start)
            closedWhileTrickling(socket)
        }

        where:
        what                   | start
        'its headers'          | 'POST /v1/auth/token HTTP/1.1\r\nHost: localhost\r\nX-'
        'its body'             | 'POST /v1/auth/token HTTP/1.1\r\nHost: localhost\r\npartnerId: 1042\r\ngrantType: refresh_token\r\n' +
                                 'Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"refreshToken":"'
    }

    def "a connection kept open between requests outlives the deadline, and serves the next request"() {
        expect:
        new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = PATIENCE_MS
            write(socket, health())
            def reader = socket.inputStream
            assert line(reader).startsWith('HTTP/1.1 200')
            drain(reader)

            socket.soTimeout = 2_500
            try {
                reader.read()
                assert false: 'the server answered or closed a connection that sent nothing after its request'
            } catch (SocketTimeoutException stillOpen) {
            }

            socket.soTimeout = PATIENCE_MS
            write(socket, health())
            line(reader).startsWith('HTTP/1.1 200')
        }
    }

    /** Sends one byte per read timeout (250 ms) until the server closes the connection, or patience runs out. */
    private static boolean closedWhileTrickling(Socket socket) {
        socket.soTimeout = 250
        long until = System.nanoTime() + PATIENCE_MS * 1_000_000L
        while (System.nanoTime() < until) {
            try {
                write(socket, 'a')
                if (socket.inputStream.read() == -1) {
                    return true
                }
            } catch (SocketTimeoutException stillOpen) {
            } catch (IOException closed) {
                return true
            }
        }
        false
    }

    private static String health() {
        'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n'
    }

    /** Reads the rest of one response: headers to the blank line, then Content-Length bytes. */
    private static void drain(InputStream input) {
        int length = 0
        String header
        while ((header = line(input).trim())) {
            if (header.toLowerCase().startsWith('content-length:')) {
                length = header.substring(15).trim() as int
            }
        }
        input.readNBytes(length)
    }
}
