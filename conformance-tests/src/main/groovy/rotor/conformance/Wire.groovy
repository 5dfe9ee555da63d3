package rotor.conformance

import java.net.http.HttpClient
import java.net.http.HttpConnectTimeoutException
import java.net.http.HttpTimeoutException
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.function.Consumer

/**
 * The checks' only way to the target: sends a request exactly as given (headers the contract
 * forbids, bodies of the wrong type, whatever a check asks), and has the contract's validator
 * judge the request and the response as they crossed the wire.
 */
class Wire {

    private static final Set<String> RESTRICTED = ['host', 'connection', 'content-length', 'expect', 'upgrade'] as Set

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30)

    final String baseUrl
    /** How long one request may go unanswered: a hang is a failure of the check, never a hang of the run. */
    final Duration timeout
    /** The whole run's limit (--max-time), or null for none. */
    private volatile Duration maxTime
    /** When the whole run must end, in {@link System#nanoTime()}; meaningful only with {@link #maxTime}. */
    private volatile long deadline
    private final ContractValidators validators
    private final List<Consumer<Exchange>> listeners = new CopyOnWriteArrayList<>()
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build()

    Wire(String baseUrl, ContractValidators validators, Duration timeout = DEFAULT_TIMEOUT) {
        this.baseUrl = baseUrl.replaceAll('/+$', '')
        this.validators = validators
        this.timeout = timeout
    }

    /** From now on, no request goes out or waits past {@code maxTime} from now: {@link OutOfTime} instead. */
    void limitRunTo(Duration maxTime) {
        this.deadline = System.nanoTime() + maxTime.toNanos()
        this.maxTime = maxTime
    }

    /** Every exchange made from now on is also given to this listener. */
    void listen(Consumer<Exchange> listener) {
        listeners << listener
    }

    Exchange post(String path, Map<String, String> headers = [:], String body = null) {
        send('POST', path, null, headers, body)
    }

    Exchange get(String path, Map<String, String> headers = [:], String query = null) {
        send('GET', path, query, headers, null)
    }

    Exchange delete(String path, Map<String, String> headers = [:]) {
        send('DELETE', path, null, headers, null)
    }

    /** A JSON body, with its media type unless the headers say otherwise (a null value leaves a header out). */
    Exchange postJson(String path, Map<String, String> headers, Object body) {
        post(path, ['Content-Type': 'application/json'] + headers, body instanceof String ? body : groovy.json.JsonOutput.toJson(body))
    }

    /** A form body (application/x-www-form-urlencoded); null values are left out. */
    Exchange postForm(String path, Map<String, String> headers, Map<String, String> fields) {
        def body = fields.findAll { it.value != null }.collect { k, v -> encode(k) + '=' + encode(v) }.join('&')
        post(path, ['Content-Type': 'application/x-www-form-urlencoded'] + headers, body)
    }

    /**
     * Sends one request; headers with a null value are not sent. A connection that cannot be made
     * is an IOException for the caller: the target is not there, which is not a contract failure.
     */
    Exchange send(String method, String path, String query, Map<String, String> headers, String body) {
        def sent = headers.findAll { it.value != null && !(it.key.toLowerCase() in RESTRICTED) }
        def wait = timeout
        if (maxTime != null) {
            def left = Duration.ofNanos(deadline - System.nanoTime())
            if (left.isNegative() || left.isZero()) {
                throw new OutOfTime(maxTime)
            }
            wait = left < timeout ? left : timeout
        }
        def builder = HttpRequest.newBuilder(URI.create(baseUrl + path + (query ? '?' + query : '')))
                .timeout(wait)
                .method(method, body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
        sent.each { name, value -> builder.header(name, value) }
        HttpResponse<byte[]> response
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        } catch (HttpTimeoutException timedOut) {
            if (timedOut instanceof HttpConnectTimeoutException) {
                throw timedOut
            }
            if (wait < timeout) {
                throw new OutOfTime(maxTime)
            }
            throw new NoAnswer("${method} ${path}${query ? '?' + query : ''}: no answer within ${timeout.toSeconds()} s (--timeout)")
        }
        def responseHeaders = response.headers().map().findAll { it.key != ':status' }
        def exchange = new Exchange(method: method, path: path, query: query,
                requestHeaders: sent.collectEntries { k, v -> [k, [v]] } as Map<String, List<String>>, requestBody: body,
                status: response.statusCode(), responseHeaders: responseHeaders,
                responseBody: new String(response.body(), StandardCharsets.UTF_8))
        judge(exchange)
        listeners.each { it.accept(exchange) }
        exchange
    }

    private void judge(Exchange exchange) {
        def route = validators.route(exchange.method, exchange.path)
        if (route == null) {
            exchange.contract = 'none'
            exchange.requestProblems = ["no contract has ${exchange.method} ${exchange.path}".toString()]
            return
        }
        exchange.contract = route.operation.contract
        exchange.operationId = route.operation.operationId
        def headers = exchange.requestHeaders
        exchange.requestProblems = validators.requestProblems(route, exchange.method, exchange.path, exchange.query, headers, exchange.requestBody)
        exchange.responseProblems = validators.responseProblems(route, exchange.method, exchange.path, exchange.status, exchange.responseHeaders, exchange.responseBody)
    }

    /** The target accepted a request and did not answer it in time: the check that sent it fails. */
    static class NoAnswer extends AssertionError {
        NoAnswer(String message) {
            super(message)
        }
    }

    /**
     * The run's --max-time ran out: the check that was running when it did, and every one after
     * it, did not run to an end, which says nothing about the target's conformance.
     */
    static class OutOfTime extends RuntimeException {
        OutOfTime(Duration maxTime) {
            super("the run's --max-time of ${maxTime.toSeconds()} s ran out".toString())
        }
    }

    private static String encode(String value) {
        URLEncoder.encode(value, StandardCharsets.UTF_8)
    }
}
