package rotor.server.security

import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

/**
 * Issue 9, item 4: of micronaut-management only /health is served. Any other management endpoint
 * is no route at all, even for a caller holding a valid rotor access token, and /health shows its
 * details to the admin token only.
 */
@MicronautTest(transactional = false)
class ManagementEndpointsAreClosedSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    GrantsApi admin

    def "#method #path with a valid rotor access token is no route: 404, no bean listing, no stack trace in the log"() {
        given:
        def accessToken = issue(admin, Dialect.MIELTO, "ws_${UUID.randomUUID()}").accessToken
        def log = new CapturedLog()

        when:
        def response = exchange(HttpRequest.create(method, path).bearerAuth(accessToken))
        def body = response.getBody(String).orElse('')

        then:
        response.status.code == 404
        !body.contains('Bean') && !body.contains('rotor.server') && !body.contains('"threads"') && !body.contains('"git"')
        log.lines().findAll { it.contains('\n') || it.contains('Exception') } == []

        cleanup:
        log?.close()

        where:
        method          | path
        HttpMethod.GET  | '/beans'
        HttpMethod.GET  | '/routes'
        HttpMethod.GET  | '/threaddump'
        HttpMethod.GET  | '/info'
        HttpMethod.GET  | '/env'
        HttpMethod.GET  | '/loggers'
        HttpMethod.GET  | '/metrics'
        HttpMethod.GET  | '/caches'
        HttpMethod.POST | '/refresh'
        HttpMethod.POST | '/stop'
    }

    def "/health shows only the status to #caller"() {
        when:
        def response = exchange(credential.call(this, HttpRequest.GET('/health')))
        def body = response.getBody(Map).orElseThrow()

        then:
        response.status.code == 200
        body.status == 'UP'
        body.keySet() == ['status'] as Set

        where:
        caller                         | credential
        'an anonymous caller'          | { s, HttpRequest r -> r }
        'a holder of an access token'  | { s, HttpRequest r -> r.bearerAuth(s.issue(s.admin, Dialect.ONBOARD).accessToken) }
        'a wrong bearer token'         | { s, HttpRequest r -> r.bearerAuth('not-the-admin-token') }
    }

    def "/health shows its details, the store's included, to the admin token"() {
        when:
        def response = exchange(HttpRequest.GET('/health').bearerAuth(ADMIN_TOKEN))
        def body = response.getBody(Map).orElseThrow()

        then:
        response.status.code == 200
        body.status == 'UP'
        body.details.jdbc.status == 'UP'
    }

    private HttpResponse<?> exchange(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response
        }
    }
}
