package rotor.server.dialect

import groovy.json.JsonSlurper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration

/**
 * A body the server cannot read is the client's doing: one whose Content-Encoding it does not
 * hold to (gzip that is not gzip), or one the client stops sending half-way. Either is the
 * dialect's answer to an unreadable body, a 400, and neither is an internal error: no ERROR line,
 * no stack trace, no 500 in the request log or the metrics.
 */
@MicronautTest(transactional = false)
class BodiesThatCannotBeReadSpec extends EmbeddedServerSpecification {

    static final String SECRET = 'rtr_SECRETVALUE' + 'A' * 28

    /** Every route that reads its body, with the headers it needs to get as far as reading it. */
    static final List<Map> ROUTES = [
            [path: '/v1/auth/token', type: 'application/json', body: "{\"refreshToken\":\"${SECRET}\"}",
             headers: [partnerId: '1042', grantType: 'refresh_token'], check: { it.error == 'invalid_request' }],
            [path: '/session/token/refresh', type: 'application/json', body: "{\"refresh_token\":\"${SECRET}\"}",
             headers: [:], check: { it.code == 40001 }],
            [path: '/oauth2/token', type: 'application/x-www-form-urlencoded', body: "grant_type=refresh_token&refresh_token=${SECRET}",
             headers: [:], check: { it.error == 'invalid_request' }],
            [path: '/oauth2/introspect', type: 'application/x-www-form-urlencoded', body: "token=${SECRET}",
             headers: [:], check: { it.error == 'invalid_request' }],
            [path: '/oauth2/revoke', type: 'application/x-www-form-urlencoded', body: "token=${SECRET}",
             headers: [:], check: { it.error == 'invalid_request' }],
            [path: '/admin/v1/grants', type: 'application/json', body: '{"dialect":"onboard","subject":"someone"}',
             headers: [Authorization: "Bearer ${ADMIN_TOKEN}"], check: { it.error == 'invalid_request' }],
    ]

    /**
     * gzip, deflate and snappy the server decodes, and a plain body is not what they claim; the others
     * it does not decode, and a coded body is never read as if it were plain (that spent the token).
     */
    def "#route.path with a plain body under Content-Encoding: #encoding answers its dialect's 400, and logs no exception"() {
        given:
        def log = new CapturedLog()
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}${route.path}"))
                .timeout(Duration.ofSeconds(10))
                .header('Content-Type', route.type)
                .header('Content-Encoding', encoding)
                .POST(HttpRequest.BodyPublishers.ofString(route.body))
        route.headers.each { name, value -> request.header(name, value as String) }

        when:
        def answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() == 400
        route.check(new JsonSlurper().parseText(answer.body()))
        log.lines().findAll { it.contains('Exception') || it.contains('SECRETVALUE') } == []

        cleanup:
        log?.close()

        where:
        [route, encoding] << [ROUTES, ['gzip', 'deflate', 'snappy', 'xyz', 'br', 'zstd', 'gzip, br']].combinations()
    }

    def "a body the server decodes (#encoding) is read as what it codes"() {
        given:
        def json = '{"dialect":"onboard","subject":"coded"}'
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}/admin/v1/grants"))
                .timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/json')
                .header('Content-Encoding', encoding)
                .header('Authorization', "Bearer ${ADMIN_TOKEN}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(code(json.getBytes(StandardCharsets.UTF_8))))

        when:
        def answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() == 201
        new JsonSlurper().parseText(answer.body()).subject == 'coded'

        where:
        encoding   | code
        'gzip'     | { byte[] plain -> def out = new ByteArrayOutputStream(); new java.util.zip.GZIPOutputStream(out).withCloseable { it.write(plain) }; out.toByteArray() }
        'x-gzip'   | { byte[] plain -> def out = new ByteArrayOutputStream(); new java.util.zip.GZIPOutputStream(out).withCloseable { it.write(plain) }; out.toByteArray() }
        'deflate'  | { byte[] plain -> def out = new ByteArrayOutputStream(); new java.util.zip.DeflaterOutputStream(out).withCloseable { it.write(plain) }; out.toByteArray() }
        'identity' | { byte[] plain -> plain }
    }

    def "#route.path: a client that closes the connection before its whole body is sent is no internal error"() {
        given:
        def log = new CapturedLog()
        def head = "POST ${route.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${route.type}\r\nContent-Length: 4096\r\n" +
                route.headers.collect { name, value -> "${name}: ${value}\r\n" }.join('') + '\r\n'

        when:
        new Socket('localhost', port).withCloseable { socket ->
            socket.outputStream.write((head + route.body.take(12)).getBytes(StandardCharsets.UTF_8))
            socket.outputStream.flush()
        }

        then: 'the request log states how it ended'
        new PollingConditions(timeout: 10).eventually {
            assert log.lines('rotor.server.ops.RequestLog').any { it.startsWith("POST ${route.path} ") }
        }
        def ended = log.lines('rotor.server.ops.RequestLog').find { it.startsWith("POST ${route.path} ") }
        !(ended =~ / 5\d\d /)
        log.lines().findAll { it.contains('Exception') || it.contains('internal error') } == []

        cleanup:
        log?.close()

        where:
        route << ROUTES
    }
}
