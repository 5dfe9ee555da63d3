package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.ConnectionSpecification

import java.sql.Timestamp
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Another instance's refresh shows as a lease on the connection's row: while it is live this
 * instance calls no upstream, waits a bounded time, and then answers what the other stored, or
 * 502; a lease whose holder died expires and is taken over.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.lease-wait', value = '1s')
class RefreshLeaseKeepsOtherInstancesOffTheUpstreamSpec extends ConnectionSpecification {

    String id

    def setup() {
        id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.issues('up-at-2', 'up-rt-2')
    }

    def "a live lease of another instance that outlasts the wait answers 502 and calls no upstream"() {
        given:
        lease(Instant.now().plusSeconds(60))
        def started = System.nanoTime()

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        upstream.received.empty
        (System.nanoTime() - started) / 1e9 < 5
    }

    def "a lease whose holder stores its refresh during the wait answers 200 with what it stored, and calls no upstream"() {
        given:
        lease(Instant.now().plusSeconds(60))
        def pool = Executors.newSingleThreadExecutor()

        when:
        def waiting = pool.submit({ refresh(id).status.code } as Callable<Integer>)
        sql().executeUpdate('UPDATE upstream_connection SET refreshed_at = ?, expires_at = ?, refresh_lease_until = NULL, refresh_lease_owner = NULL WHERE id = ?',
                [Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(3600)), id])

        then:
        waiting.get(10, TimeUnit.SECONDS) == 200
        upstream.received.empty

        cleanup:
        pool?.shutdownNow()
    }

    def "an expired lease is taken over: the refresh calls the upstream once and succeeds"() {
        given:
        lease(Instant.now().minusSeconds(1))

        when:
        def response = refresh(id)

        then:
        response.status.code == 200
        upstream.received*.form*.refresh_token == ['up-rt-1']
    }

    private void lease(Instant until) {
        assert sql().executeUpdate('UPDATE upstream_connection SET refresh_lease_until = ?, refresh_lease_owner = ? WHERE id = ?',
                [Timestamp.from(until), 'another-instance', id]) == 1
    }
}
