package rotor.conformance.checks

import com.sun.net.httpserver.HttpServer

import java.nio.charset.StandardCharsets
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * An upstream token endpoint on 127.0.0.1 that always gives one answer: the mielto checks point a
 * connection at it to drive the target's answers to an upstream's refusal or failure.
 */
class StubUpstream implements AutoCloseable {

    private final HttpServer server
    private final ExecutorService executor = Executors.newCachedThreadPool()

    StubUpstream(int status, String json) {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = executor
        server.createContext('/token') { exchange ->
            exchange.requestBody.bytes
            def bytes = json.getBytes(StandardCharsets.UTF_8)
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(status, bytes.length)
            exchange.responseBody.withCloseable { it.write(bytes) }
        }
        server.start()
    }

    String getTokenUrl() {
        "http://127.0.0.1:${server.address.port}/token"
    }

    @Override
    void close() {
        server.stop(0)
        executor.shutdownNow()
    }
}
