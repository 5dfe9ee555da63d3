package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.EmbeddedServerSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * Every route answers the same whatever the Accept header asks for (RFC 9110 section 12.5.1 lets
 * a server disregard it): no contract documents a 406, and application/* or the key set's
 * application/jwk-set+json were refused with one.
 */
@MicronautTest(transactional = false)
class AcceptIsDisregardedSpec extends EmbeddedServerSpecification {

    static final String BUSINESS = '3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b'
    static final String TOKEN = 'rtr_' + 'D' * 43

    static final List<Map> ROUTES = [
            [method: 'POST', path: '/api/v1/oauth2/refresh', headers: [Authorization: "Bearer ${TOKEN}", 'x-business-id': BUSINESS]],
            [method: 'POST', path: '/auth/oauth/refresh-token', headers: ['x-auth-token': TOKEN]],
            [method: 'POST', path: '/api/v1/oauth/refresh/conn_x', headers: [Authorization: 'Bearer mk_x']],
            [method: 'POST', path: '/v1/auth/token', headers: [partnerId: '1042', grantType: 'refresh_token', 'Content-Type': 'application/json'],
             body: "{\"refreshToken\":\"${TOKEN}\"}"],
            [method: 'POST', path: '/session/token/refresh', headers: ['Content-Type': 'application/json'], body: "{\"refresh_token\":\"${TOKEN}\"}"],
            [method: 'POST', path: '/oauth2/token', headers: ['Content-Type': 'application/x-www-form-urlencoded'],
             body: "grant_type=refresh_token&refresh_token=${TOKEN}"],
            [method: 'GET', path: '/.well-known/jwks.json', headers: [:]],
            [method: 'GET', path: '/.well-known/oauth-authorization-server', headers: [:]],
            [method: 'GET', path: "/admin/v1/grants/${UUID.randomUUID()}", headers: [Authorization: "Bearer ${ADMIN_TOKEN}"]],
            [method: 'GET', path: '/health', headers: [:]],
    ]

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    def "#route.method #route.path with Accept: #accept answers as it does without one"() {
        when:
        def plain = send(route, null)
        def negotiated = send(route, accept)

        then:
        plain.statusCode() != 406
        negotiated.statusCode() == plain.statusCode()
        negotiated.headers().firstValue('Content-Type') == plain.headers().firstValue('Content-Type')

        where:
        [route, accept] << [ROUTES, ['application/*', 'application/jwk-set+json', 'application/xml', 'text/html', 'text/*;q=0.5']].combinations()
    }

    private HttpResponse<String> send(Map route, String accept) {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}${route.path}"))
                .timeout(Duration.ofSeconds(10))
                .method(route.method as String, route.body ? HttpRequest.BodyPublishers.ofString(route.body as String) : HttpRequest.BodyPublishers.noBody())
        route.headers.each { name, value -> request.header(name as String, value as String) }
        if (accept != null) {
            request.header('Accept', accept)
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }
}
