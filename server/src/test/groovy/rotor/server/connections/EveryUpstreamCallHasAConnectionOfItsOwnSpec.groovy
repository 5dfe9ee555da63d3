package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.ConnectionSpecification

import java.nio.charset.StandardCharsets
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger

/**
 * An upstream that sends bytes past the answer it declared (its Content-Length) must not answer
 * the next call: on a kept-alive connection those bytes were read as the answer to whatever
 * refresh came next, another connection's or another workspace's, which then stored tokens
 * issued to someone else, or lost its own rotation. Every call has a TCP connection of its own.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.reuse-window', value = '0s')
class EveryUpstreamCallHasAConnectionOfItsOwnSpec extends ConnectionSpecification {

    def "a connection refreshed after another one's answer came with extra bytes gets its own answer"() {
        given:
        def sloppy = new SloppyUpstream()
        def first = connection(workspace, sloppy.tokenUrl, 'acme-a', 's3cret', 'up-rt-a')
        def elsewhere = "ws_${UUID.randomUUID()}"
        def second = connection(elsewhere, sloppy.tokenUrl, 'acme-b', 's3cret', 'up-rt-b')

        when:
        def a = refresh(first)
        def b = refresh(second, apiKey(elsewhere))
        def again = refresh(second, apiKey(elsewhere))

        then: 'each refresh got its own answer, and the second connection stored the refresh token issued to it'
        [a, b, again]*.status*.code == [200, 200, 200]
        sloppy.presented == [['acme-a', 'up-rt-a'], ['acme-b', 'up-rt-b'], ['acme-b', 'rt-acme-b-1']]
        sloppy.connections.get() == 3

        cleanup:
        sloppy?.close()
    }

    /**
     * Answers each token request with a fresh access token named for the client, then, on the same
     * connection, a second complete answer nobody asked for: what a broken or hostile upstream sends.
     */
    static class SloppyUpstream implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.loopbackAddress)
        final AtomicInteger connections = new AtomicInteger()
        final List<String> issued = new CopyOnWriteArrayList<>()
        /** Each call's client id and the refresh token it presented. */
        final List<List<String>> presented = new CopyOnWriteArrayList<>()
        final Thread acceptor

        SloppyUpstream() {
            acceptor = Thread.startDaemon {
                while (!socket.closed) {
                    try {
                        def client = socket.accept()
                        connections.incrementAndGet()
                        Thread.startDaemon { serve(client) }
                    } catch (IOException closed) {
                        return
                    }
                }
            }
        }

        String getTokenUrl() {
            "http://127.0.0.1:${socket.localPort}/token"
        }

        private void serve(Socket client) {
            client.withCloseable {
                def input = new BufferedInputStream(client.inputStream)
                while (true) {
                    def request = readRequest(input)
                    if (request == null) {
                        return
                    }
                    def basic = request.headers['authorization']?.substring(6)
                    def clientId = basic ? URLDecoder.decode(new String(basic.decodeBase64(), StandardCharsets.UTF_8).split(':')[0], 'UTF-8') : 'unknown'
                    presented << [clientId, request.form['refresh_token']]
                    def n = issued.size()
                    issued << "rt-${clientId}-${n}".toString()
                    def json = "{\"access_token\":\"at-${clientId}-${n}\",\"refresh_token\":\"rt-${clientId}-${n}\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    def extra = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nGARBA'
                    client.outputStream.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${json.length()}\r\n\r\n" +
                            json + extra).getBytes(StandardCharsets.US_ASCII))
                    client.outputStream.flush()
                }
            }
        }

        private static Map readRequest(InputStream input) {
            def head = new ByteArrayOutputStream()
            int matched = 0
            int c
            while (matched < 4 && (c = input.read()) != -1) {
                head.write(c)
                matched = (c == ('\r\n\r\n' as char[])[matched] as int) ? matched + 1 : (c == 13 ? 1 : 0)
            }
            if (matched < 4) {
                return null
            }
            def lines = head.toString('US-ASCII').split('\r\n')
            def headers = lines.drop(1).findAll { it.contains(':') }.collectEntries {
                def (k, v) = it.split(':', 2) as List
                [k.trim().toLowerCase(), v.trim()]
            }
            def body = new String(input.readNBytes((headers['content-length'] ?: '0') as int), StandardCharsets.UTF_8)
            def form = body.split('&').findAll().collectEntries {
                def (k, v) = it.split('=', 2) as List
                [URLDecoder.decode(k, 'UTF-8'), URLDecoder.decode(v ?: '', 'UTF-8')]
            }
            [headers: headers, form: form]
        }

        @Override
        void close() {
            socket.close()
        }
    }
}
