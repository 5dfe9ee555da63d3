package rotor.conformance.tool

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.nio.charset.StandardCharsets
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * A deliberately broken dayzero server on 127.0.0.1, for the tool to catch: its refresh answers
 * `accessToken` where the contract says `access_token`, answers 200 to any token however often it
 * is presented (no rotation, no reuse detection), and fails with a 500 when `x-business-id` is
 * missing.
 */
class BrokenDayzeroServer implements AutoCloseable {

    private final HttpServer server
    private final ExecutorService executor = Executors.newCachedThreadPool()

    BrokenDayzeroServer() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = executor
        server.createContext('/') { HttpExchange exchange -> answer(exchange) }
        server.start()
    }

    String getUrl() {
        "http://127.0.0.1:${server.address.port}"
    }

    private static void answer(HttpExchange exchange) {
        exchange.requestBody.bytes
        if (exchange.requestURI.path != '/api/v1/oauth2/refresh') {
            reply(exchange, 404, '{"detail":"Not Found"}')
        } else if (!exchange.requestHeaders.getFirst('Authorization')?.startsWith('Bearer ')) {
            exchange.responseHeaders.add('WWW-Authenticate', 'Bearer')
            reply(exchange, 401, '{"detail":"Not authenticated"}')
        } else if (exchange.requestHeaders.getFirst('x-business-id') == null) {
            reply(exchange, 500, '{"detail":"Internal Server Error"}')
        } else {
            exchange.responseHeaders.add('Cache-Control', 'no-store')
            reply(exchange, 200, '{"accessToken":"eyJhbGciOiJFUzI1NiJ9.e30.sig","token_type":"Bearer","expires_in":3600,"refresh_token":"rtr_same","scope":"read"}')
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) {
        def bytes = json.getBytes(StandardCharsets.UTF_8)
        exchange.responseHeaders.add('Content-Type', 'application/json')
        exchange.sendResponseHeaders(status, bytes.length)
        exchange.responseBody.withCloseable { it.write(bytes) }
    }

    @Override
    void close() {
        server.stop(0)
        executor.shutdownNow()
    }
}
