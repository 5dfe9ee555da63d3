package rotor.conformance

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors

/**
 * Sits between the generated clients and the server under test, on 127.0.0.1: forwards every
 * request unchanged, and has the contract's validator judge the request and the response exactly
 * as they crossed the wire. Nothing the generated models would silently ignore escapes it.
 */
class ValidatingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = ['host', 'connection', 'content-length', 'expect', 'upgrade', 'transfer-encoding', 'keep-alive'] as Set

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>()
    private final String target
    private final ContractValidators validators
    private final HttpServer server
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build()

    ValidatingProxy(String target, ContractValidators validators) {
        this.target = target.replaceAll('/+$', '')
        this.validators = validators
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext('/') { HttpExchange exchange -> forward(exchange) }
        server.start()
    }

    String getUrl() {
        "http://127.0.0.1:${server.address.port}"
    }

    private void forward(HttpExchange exchange) {
        def method = exchange.requestMethod
        def uri = exchange.requestURI
        def requestBody = exchange.requestBody.bytes
        def requestHeaders = exchange.requestHeaders.findAll { !(it.key.toLowerCase() in NOT_FORWARDED) }
        def builder = HttpRequest.newBuilder(URI.create(target + uri.rawPath + (uri.rawQuery ? '?' + uri.rawQuery : '')))
                .timeout(Duration.ofSeconds(60))
                .method(method, requestBody.length ? HttpRequest.BodyPublishers.ofByteArray(requestBody) : HttpRequest.BodyPublishers.noBody())
        requestHeaders.each { name, values -> values.each { builder.header(name, it) } }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray())

        def responseHeaders = response.headers().map().findAll { !(it.key.toLowerCase() in NOT_FORWARDED) && it.key != ':status' }
        record(method, uri, requestHeaders, new String(requestBody, 'UTF-8'), response.statusCode(), responseHeaders, new String(response.body(), 'UTF-8'))

        responseHeaders.each { name, values -> values.each { exchange.responseHeaders.add(name, it) } }
        exchange.sendResponseHeaders(response.statusCode(), response.body().length ?: -1)
        exchange.responseBody.withCloseable { it.write(response.body()) }
    }

    private void record(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody, int status,
                        Map<String, List<String>> responseHeaders, String responseBody) {
        def route = validators.route(method, uri.path)
        def exchange = new Exchange(method: method, path: uri.path, status: status, responseHeaders: responseHeaders, responseBody: responseBody)
        if (route == null) {
            exchange.contract = 'none'
            exchange.requestProblems = ["no contract has ${method} ${uri.path}".toString()]
            exchange.responseProblems = []
        } else {
            exchange.contract = route.contract.name
            exchange.operationId = route.operation.operationId
            exchange.requestProblems = validators.requestProblems(route, method, uri.path, uri.rawQuery, requestHeaders, requestBody)
            exchange.responseProblems = validators.responseProblems(route, method, uri.path, status, responseHeaders, responseBody)
        }
        exchanges << exchange
        Coverage.INSTANCE.record(exchange)
    }

    @Override
    void close() {
        server.stop(0)
    }
}
