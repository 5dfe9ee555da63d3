package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.context.annotation.Value
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.ConnectionSpecification
import rotor.testing.UpstreamStub

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * While more connections than the database pool holds wait on a stalled upstream, the rest of
 * the server still refreshes promptly: an upstream call holds no pooled connection and no lock.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.read-timeout', value = '60s')
@Property(name = 'rotor.connections.call-timeout', value = '60s')
class UpstreamCallHoldsNoDatabaseConnectionSpec extends ConnectionSpecification {

    @Value('${datasources.default.maximum-pool-size}') int poolSize

    HttpClient http = HttpClient.newHttpClient()
    UpstreamStub healthy = new UpstreamStub()
    List<CompletableFuture<?>> stuck = []

    def cleanup() { // ConnectionSpecification.s cleanup runs next and releases the stalled upstream
        healthy.close()
        stuck*.cancel(true)
    }

    def "with one more refresh than the pool has connections stuck on a stalled upstream, dayzero and another mielto connection still refresh within 5 s"() {
        given:
        upstream.hangs()
        def stalledIds = (0..poolSize).collect { connection(workspace, upstream.tokenUrl, 'acme', 's3cret', "up-rt-${it}") }
        healthy.issues('up-at-2', 'up-rt-2')
        def healthyId = connection(workspace, healthy.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        def business = UUID.randomUUID()
        def dayzeroGrant = issue(grantsApi, Dialect.DAYZERO, business.toString())

        when: "every stalled refresh is in flight, and at least a pool's worth has reached the upstream"
        stuck = stalledIds.collect { post("/api/v1/oauth/refresh/${it}", ['Authorization': "Bearer ${key}"]) }
        def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (upstream.received.size() < poolSize && System.nanoTime() < deadline) {
            Thread.sleep(20) // polling a condition under a deadline
        }

        and:
        def dayzero = post('/api/v1/oauth2/refresh', ['Authorization': "Bearer ${dayzeroGrant.refreshToken}", 'x-business-id': business.toString()])
                .get(5, TimeUnit.SECONDS)
        def mielto = post("/api/v1/oauth/refresh/${healthyId}", ['Authorization': "Bearer ${key}"]).get(5, TimeUnit.SECONDS)

        then:
        upstream.received.size() >= poolSize
        dayzero.statusCode() == 200
        mielto.statusCode() == 200
        healthy.received*.form*.refresh_token == ['up-rt-1']
        stuck.every { !it.done }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, Map<String, String> headers) {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}")).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.noBody())
        headers.each { name, value -> request.header(name, value) }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
    }
}
