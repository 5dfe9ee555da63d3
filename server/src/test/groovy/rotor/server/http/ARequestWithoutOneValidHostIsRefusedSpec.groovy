package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * RFC 9112 section 3.2: an HTTP/1.1 request without a Host, and any request with two Host lines
 * or an invalid one, is a 400. Each was served, and spent the onboard token it carried. A valid
 * one is RFC 3986's uri-host [ ":" port ]: a name, an IPv4 address or a bracketed IPv6 literal,
 * then digits after one colon.
 */
@MicronautTest(transactional = false)
class ARequestWithoutOneValidHostIsRefusedSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "#what: onboard's 400, the connection closes, and the token is not spent"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)

        when:
        def answer = RawHttp.exchange(port, refresh(grant.refreshToken, version, hosts)) // read until the server closes

        then:
        answer ==~ /(?s)HTTP\/1\.[01] 400 .*/
        version == 'HTTP/1.0' || answer.toLowerCase().contains('connection: close') // HTTP/1.0 closes by default
        answer.contains('"code":"BAD_REQUEST"')

        and:
        RawHttp.exchange(port, refresh(grant.refreshToken, 'HTTP/1.1', 'Host: localhost\r\n')).startsWith('HTTP/1.1 200')

        where:
        what                    | version    | hosts
        'no Host on HTTP/1.1'   | 'HTTP/1.1' | ''
        'two Host lines'        | 'HTTP/1.1' | 'Host: a\r\nHost: b\r\n'
        'a Host with a space'   | 'HTTP/1.1' | 'Host: a b\r\n'
        'a Host with an @'      | 'HTTP/1.1' | 'Host: a@b\r\n'
        'an empty Host'         | 'HTTP/1.1' | 'Host: \r\n'
        'two Hosts on HTTP/1.0' | 'HTTP/1.0' | 'Host: a\r\nHost: b\r\n'
        'a port that is no number' | 'HTTP/1.1' | 'Host: host:abc\r\n'
        'two ports'             | 'HTTP/1.1' | 'Host: localhost:8101:1\r\n'
        'an unclosed IPv6 literal' | 'HTTP/1.1' | 'Host: [::1\r\n'
        'a bracket in a name'   | 'HTTP/1.1' | 'Host: a]b\r\n'
        'text after an IPv6 literal' | 'HTTP/1.1' | 'Host: [::1]x\r\n'
        'a name in brackets'    | 'HTTP/1.1' | 'Host: [localhost]\r\n'
        'a broken percent escape' | 'HTTP/1.1' | 'Host: a%zz\r\n'
        'a port alone'          | 'HTTP/1.1' | 'Host: :8080\r\n'
    }

    def "dayzero answers a request without a Host as uvicorn answers a request it cannot read"() {
        given:
        def business = UUID.randomUUID().toString()
        def grant = issue(admin, Dialect.DAYZERO, business)

        when:
        def answer = RawHttp.exchange(port, "POST /api/v1/oauth2/refresh HTTP/1.1\r\nAuthorization: Bearer ${grant.refreshToken}\r\n"
                + "x-business-id: ${business}\r\nContent-Length: 0\r\n\r\n")

        then:
        answer.startsWith('HTTP/1.1 400')
        answer.endsWith('{"detail":"Invalid HTTP request received."}')
    }

    def "HTTP/1.0 may leave the Host out, and a Host of name, address or bracketed IPv6 with a port is one"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)

        expect:
        RawHttp.exchange(port, refresh(grant.refreshToken, 'HTTP/1.0', '')) ==~ /(?s)HTTP\/1\.[01] 200 .*/
        AmbiguousFramingIsRefused.validHost('localhost:8080')
        AmbiguousFramingIsRefused.validHost('127.0.0.1')
        AmbiguousFramingIsRefused.validHost('[::1]:8080')
        AmbiguousFramingIsRefused.validHost('auth.example.com')
        AmbiguousFramingIsRefused.validHost('[2001:db8::7]')
        AmbiguousFramingIsRefused.validHost('[::ffff:192.0.2.1]:443')
        AmbiguousFramingIsRefused.validHost('my-host_1.example:')
        AmbiguousFramingIsRefused.validHost('caf%C3%A9.example')
    }

    private static String refresh(String token, String version, String hosts) {
        "POST /auth/oauth/refresh-token ${version}\r\n${hosts}x-auth-token: ${token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    }
}
