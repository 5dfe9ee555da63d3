package rotor.conformance.tool

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * A proxy on 127.0.0.1 in front of a conforming server, which a rule makes misbehave in one way:
 * the rule sees every request and either answers it itself or forwards it (changed or not). What a
 * spec proves with it is that the tool fails exactly the check that catches that one fault.
 */
class MisbehavingProxy implements AutoCloseable {

    /** A request or an answer as it crosses the proxy; headers by lower-case name. */
    static class Message {
        String method
        String path
        int status
        Map<String, List<String>> headers = [:]
        byte[] body = new byte[0]

        String header(String name) {
            headers[name.toLowerCase()]?.first()
        }

        String getText() {
            new String(body, 'UTF-8')
        }
    }

    /** What a rule is given: the request, and the way to the server behind the proxy. */
    interface Rule {
        Message answer(Message request, Closure<Message> forward)
    }

    // The hop's own headers; HttpClient sets (and refuses) the rest of them itself.
    private static final Set<String> HOP = ['connection', 'content-length', 'expect', 'host', 'upgrade', 'transfer-encoding', 'keep-alive'] as Set

    private final String target
    private final Rule rule
    private final HttpServer server
    private final ExecutorService executor = Executors.newCachedThreadPool()
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    MisbehavingProxy(String target, Rule rule) {
        this.target = target.replaceAll('/$', '')
        this.rule = rule
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = executor
        server.createContext('/') { HttpExchange exchange -> relay(exchange) }
        server.start()
    }

    String getUrl() {
        "http://127.0.0.1:${server.address.port}"
    }

    private void relay(HttpExchange exchange) {
        def request = new Message(method: exchange.requestMethod, path: exchange.requestURI.rawPath +
                (exchange.requestURI.rawQuery == null ? '' : '?' + exchange.requestURI.rawQuery),
                body: exchange.requestBody.bytes)
        exchange.requestHeaders.each { name, values -> request.headers[name.toLowerCase()] = values }
        def answer = rule.answer(request) { Message forwarded -> forward(forwarded) }
        answer.headers.each { name, values ->
            if (!HOP.contains(name)) {
                values.each { exchange.responseHeaders.add(name, it) }
            }
        }
        exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length)
        exchange.responseBody.withCloseable { it.write(answer.body) }
    }

    private Message forward(Message request) {
        def builder = HttpRequest.newBuilder(URI.create(target + request.path)).timeout(Duration.ofSeconds(10))
                .method(request.method, request.body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body))
        request.headers.each { name, values ->
            if (!HOP.contains(name)) {
                values.each { builder.header(name, it) }
            }
        }
        def response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        def answer = new Message(status: response.statusCode(), body: response.body())
        response.headers().map().each { name, values -> answer.headers[name.toLowerCase()] = values }
        answer
    }

    /** An answer the proxy makes up itself. */
    static Message answer(int status, Map<String, String> headers, String json) {
        def answer = new Message(status: status, body: json.getBytes('UTF-8'))
        (['content-type': 'application/json'] + headers).each { name, value -> answer.headers[name.toLowerCase()] = [value] }
        answer
    }

    @Override
    void close() {
        server.stop(0)
        executor.shutdownNow()
    }
}
