package rotor.testing

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.nio.charset.StandardCharsets
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Semaphore
import java.util.concurrent.TimeUnit

/**
 * A small upstream token endpoint on 127.0.0.1 for specs: it records every request it gets (form
 * fields and Authorization header) and answers as told: a token response, an error, or nothing
 * until released.
 */
class UpstreamStub implements AutoCloseable {

    static class Received {
        final Map<String, String> form
        final String authorization

        Received(Map<String, String> form, String authorization) {
            this.form = form
            this.authorization = authorization
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>()
    private final HttpServer server
    private final CountDownLatch release = new CountDownLatch(1)
    private final Semaphore arrivals = new Semaphore(0)
    private volatile Closure<Void> behaviour = { HttpExchange exchange -> reply(exchange, 503, '{"error":"temporarily_unavailable"}') }

    UpstreamStub() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext('/token') { HttpExchange exchange ->
            def body = exchange.requestBody.getText('UTF-8')
            received << new Received(body.split('&').findAll().collectEntries {
                def (k, v) = it.split('=', 2) as List
                [URLDecoder.decode(k, 'UTF-8'), URLDecoder.decode(v ?: '', 'UTF-8')]
            }, exchange.requestHeaders.getFirst('Authorization'))
            arrivals.release()
            behaviour.call(exchange)
        }
        server.start()
    }

    /** Waits until {@code count} more requests have arrived (each is counted by one call only); false if they did not within the time. */
    boolean arrive(int count, long seconds) {
        arrivals.tryAcquire(count, seconds, TimeUnit.SECONDS)
    }

    String getTokenUrl() {
        "http://127.0.0.1:${server.address.port}/token"
    }

    private final List<String> issuedTokens = new CopyOnWriteArrayList<>()

    /** Every token value this stub was told to issue. */
    List<String> issued() {
        issuedTokens
    }

    /** Answers 200 with these tokens; a null refresh token is left out (RFC 6749 section 6). */
    void issues(String accessToken, String refreshToken, Long expiresIn = 3600) {
        issuedTokens << accessToken
        if (refreshToken != null) issuedTokens << refreshToken
        def fields = ['"access_token":"' + accessToken + '"', '"token_type":"Bearer"']
        if (expiresIn != null) fields << '"expires_in":' + expiresIn
        if (refreshToken != null) fields << '"refresh_token":"' + refreshToken + '"'
        answers(200, '{' + fields.join(',') + '}')
    }

    void answers(int status, String json) {
        behaviour = { HttpExchange exchange -> reply(exchange, status, json) }
    }

    /** Accepts the request and answers nothing until close(): a hung upstream. */
    void hangs() {
        behaviour = { HttpExchange exchange -> release.await() }
    }

    /** Answers 200 at once, then sends its body a byte at a time, slowly, until close(): a trickling upstream. */
    void trickles() {
        behaviour = { HttpExchange exchange ->
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, 0)
            def body = exchange.responseBody
            // The pace of the trickle, not a synchronisation: close() ends it at once.
            while (!release.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                body.write(' '.bytes)
                body.flush()
            }
        }
    }

    /** Answers 200 at once, then sends body bytes as fast as the connection takes them, until close() or the caller hangs up. */
    void floods() {
        behaviour = { HttpExchange exchange ->
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, 0)
            def chunk = (' ' * 65_536).bytes
            try {
                while (release.count > 0) {
                    exchange.responseBody.write(chunk)
                }
            } catch (IOException hungUp) {
                // the caller closed the connection: what a capped reader should do
            }
        }
    }

    @Override
    void close() {
        release.countDown()
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
    }

    private static void reply(HttpExchange exchange, int status, String json) {
        def bytes = json.getBytes(StandardCharsets.UTF_8)
        exchange.responseHeaders.add('Content-Type', 'application/json')
        exchange.sendResponseHeaders(status, bytes.length)
        exchange.responseBody.withCloseable { it.write(bytes) }
    }
}
