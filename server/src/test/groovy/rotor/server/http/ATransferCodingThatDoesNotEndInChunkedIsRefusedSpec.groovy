package rotor.server.http

import groovy.json.JsonOutput
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9112 section 6.3: with a Transfer-Encoding whose final coding is not chunked, "the message
 * body length cannot be determined reliably; the server MUST respond with the 400 (Bad Request)
 * status code and then close the connection". Netty read such a body by its Content-Length and
 * the refresh ran, spending the token; a proxy in front reading the body another way would have
 * smuggled what followed.
 */
@MicronautTest(transactional = false)
class ATransferCodingThatDoesNotEndInChunkedIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "Transfer-Encoding: #codings with a Content-Length is partner's 400, the connection closes, and the token is not spent"() {
        given:
        def grant = issue(admin, Dialect.PARTNER, '1042')
        def body = JsonOutput.toJson([refreshToken: grant.refreshToken])
        def behind = refresh(body, "Content-Length: ${body.length()}\r\n")

        when: 'a second refresh is pipelined behind it'
        def answers = RawHttp.exchange(port, refresh(body, "Transfer-Encoding: ${codings}\r\nContent-Length: ${body.length()}\r\n") + behind)

        then:
        answers.findAll(/HTTP\/1\.[01] \d{3}/) == ['HTTP/1.1 400']
        answers.toLowerCase().contains('connection: close')
        answers.endsWith('{"error":"invalid_request","error_description":"Missing refresh token."}')

        and:
        RawHttp.exchange(port, refresh(body, "Content-Length: ${body.length()}\r\nConnection: close\r\n")).startsWith('HTTP/1.1 200')

        where:
        codings << ['foo', 'identity', 'xchunked', 'gzip', 'chunked, identity', 'chunked\r\nTransfer-Encoding: gzip']
    }

    def "a chunked body is still read by its chunks"() {
        given:
        def grant = issue(admin, Dialect.PARTNER, '1042')
        def body = JsonOutput.toJson([refreshToken: grant.refreshToken])

        when:
        def answer = RawHttp.exchange(port, refresh('', 'Transfer-Encoding: chunked\r\nConnection: close\r\n')
                + Integer.toHexString(body.length()) + '\r\n' + body + '\r\n0\r\n\r\n')

        then:
        answer.startsWith('HTTP/1.1 200')
    }

    private static String refresh(String body, String headers) {
        "POST /v1/auth/token HTTP/1.1\r\nHost: localhost\r\npartnerId: 1042\r\ngrantType: refresh_token\r\nContent-Type: application/json\r\n${headers}\r\n${body}"
    }
}
