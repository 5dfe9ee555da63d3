package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.ConnectionSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * mielto's refreshes run on threads of their own (UpstreamCallThreads): more of them stalled on a
 * slow upstream than the server has request threads leave every other request its threads. On
 * JDK 17 the server's requests share a fixed pool, here 4 threads, and this spec fails when mielto
 * runs on it; on JDK 21+ every request has a virtual thread and it holds either way.
 */
@MicronautTest(transactional = false)
@Property(name = 'micronaut.executors.io.number-of-threads', value = '4')
@Property(name = 'rotor.connections.request-threads', value = '4')
@Property(name = 'rotor.connections.read-timeout', value = '60s')
@Property(name = 'rotor.connections.call-timeout', value = '60s')
class StalledUpstreamCallsLeaveOtherRequestsTheirThreadsSpec extends ConnectionSpecification {

    HttpClient http = HttpClient.newHttpClient()
    List<CompletableFuture<?>> stuck = []

    def cleanup() { // ConnectionSpecification's cleanup runs next and releases the stalled upstream
        stuck*.cancel(true)
    }

    def "six mielto refreshes stalled on an upstream, four of them calling it: a dayzero refresh and an admin call still answer"() {
        given:
        upstream.hangs()
        def stalledIds = (1..6).collect { connection(workspace, upstream.tokenUrl, 'acme', 's3cret', "up-rt-${it}") }
        def bearer = key
        def business = UUID.randomUUID()
        def grant = issue(grantsApi, Dialect.DAYZERO, business.toString())

        when: 'all six are in flight, and as many as their threads allow have reached the upstream'
        stuck = stalledIds.collect { post("/api/v1/oauth/refresh/${it}", ['Authorization': "Bearer ${bearer}"]) }
        def reached = upstream.arrive(4, 30)

        and:
        def dayzero = post('/api/v1/oauth2/refresh', ['Authorization': "Bearer ${grant.refreshToken}", 'x-business-id': business.toString()])
                .get(10, TimeUnit.SECONDS)
        def admin = get("/admin/v1/grants/${grant.grantId}", ['Authorization': "Bearer ${ADMIN_TOKEN}"]).get(10, TimeUnit.SECONDS)

        then:
        reached
        dayzero.statusCode() == 200
        admin.statusCode() == 200
        stuck.every { !it.done }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, Map<String, String> headers) {
        send(HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}")).POST(HttpRequest.BodyPublishers.noBody()), headers)
    }

    private CompletableFuture<HttpResponse<String>> get(String path, Map<String, String> headers) {
        send(HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}")).GET(), headers)
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.each { name, value -> request.header(name, value) }
        http.sendAsync(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString())
    }
}
