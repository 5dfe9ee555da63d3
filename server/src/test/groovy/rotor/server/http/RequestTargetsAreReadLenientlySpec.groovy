package rotor.server.http

import groovy.json.JsonSlurper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.EmbeddedServerSpecification

import java.nio.charset.StandardCharsets

/**
 * A request target with a "%" that starts no escape, or a byte no URI may hold, is read as the
 * vendors' servers read it: that character stands for itself. The request is then answered by
 * its dialect exactly as the same target written with proper escapes, never with Micronaut's own
 * {"message":"Bad Request"}. So is a "+", "&" or ";" in a path segment, which Micronaut's router
 * takes for no part of a path variable: Starlette reads /refresh/conn+x as the connection "conn+x".
 */
@MicronautTest(transactional = false)
class RequestTargetsAreReadLenientlySpec extends EmbeddedServerSpecification {

    static final String BUSINESS = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
    static final String TOKEN = 'rtr_' + 'D' * 43
    static final UUID GRANT = UUID.randomUUID()

    def "#method #target answers as #escaped does"() {
        when:
        def sloppy = send(method, target, headers)
        def proper = send(method, escaped, headers)

        then:
        sloppy.status < 500
        sloppy.status == proper.status
        sloppy.json.keySet() == proper.json.keySet()
        !sloppy.json.containsKey('message') || proper.json.containsKey('message')

        where:
        method   | target                                            | escaped                                                | headers
        'POST'   | '/api/v1/oauth2/refresh?a=%zz'                    | '/api/v1/oauth2/refresh?a=%25zz'                       | [Authorization: "Bearer ${TOKEN}", 'x-business-id': BUSINESS]
        'POST'   | '/auth/oauth/refresh-token?a=%'                   | '/auth/oauth/refresh-token?a=%25'                      | ['x-auth-token': TOKEN]
        'POST'   | '/api/v1/oauth/refresh/conn%zz'                   | '/api/v1/oauth/refresh/conn%25zz'                      | [Authorization: 'Bearer mk_x']
        'POST'   | '/api/v1/oauth/refresh/conn\u00e9'                | '/api/v1/oauth/refresh/conn%E9'                        | [Authorization: 'Bearer mk_x']
        'POST'   | '/api/v1/oauth/refresh/conn+x'                    | '/api/v1/oauth/refresh/conn%2Bx'                       | [:]
        'POST'   | '/api/v1/oauth/refresh/conn&x'                    | '/api/v1/oauth/refresh/conn%26x'                       | [:]
        'POST'   | '/api/v1/oauth/refresh/conn;x'                    | '/api/v1/oauth/refresh/conn%3Bx'                       | [:]
        'POST'   | '/v1/auth/token?%zz'                              | '/v1/auth/token?%25zz'                                 | [partnerId: '1042', grantType: 'refresh_token', 'Content-Type': 'application/json', 'Content-Length': '2', body: '{}']
        'POST'   | '/session/token/refresh?x="a"|{b}'               | '/session/token/refresh?x=%22a%22%7C%7Bb%7D'           | ['Content-Type': 'application/json', 'Content-Length': '2', body: '{}']
        'POST'   | '/oauth2/token?%zz'                               | '/oauth2/token?%25zz'                                  | ['Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '0']
        'GET'    | "/admin/v1/grants/${GRANT}?tokens_limit=%zz"      | "/admin/v1/grants/${GRANT}?tokens_limit=%25zz"         | [Authorization: "Bearer ${ADMIN_TOKEN}"]
        'DELETE' | '/admin/v1/grants/%zz'                            | '/admin/v1/grants/%25zz'                               | [Authorization: "Bearer ${ADMIN_TOKEN}"]
        'DELETE' | '/admin/v1/grants/%zz'                            | '/admin/v1/grants/%25zz'                               | [:]
    }

    /** Writes the target as it is, byte for byte (no HTTP library sends such a target), on a connection of its own. */
    private Map send(String method, String target, Map headers) {
        def body = headers.body ?: ''
        def head = "${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" +
                headers.findAll { it.key != 'body' }.collect { k, v -> "${k}: ${v}\r\n" }.join('') + '\r\n'
        new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = 10_000
            socket.outputStream.write((head + body).getBytes(StandardCharsets.ISO_8859_1))
            socket.outputStream.flush()
            def answer = new String(socket.inputStream.readAllBytes(), StandardCharsets.ISO_8859_1)
            def status = answer.substring(9, 12) as int
            def text = answer.substring(answer.indexOf('\r\n\r\n') + 4)
            [status: status, json: text ? new JsonSlurper().parseText(text) as Map : [:]]
        }
    }
}
