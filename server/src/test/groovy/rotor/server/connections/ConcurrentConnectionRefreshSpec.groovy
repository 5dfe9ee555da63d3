package rotor.server.connections

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.mielto.OAuthApi
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification
import rotor.testing.UpstreamStub

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/** Upstreams that rotate see a second concurrent refresh as reuse: 20 concurrent refreshes make one upstream call. */
@MicronautTest(transactional = false)
class ConcurrentConnectionRefreshSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject OAuthApi mielto
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi

    def "20 concurrent refreshes of one connection make exactly one upstream call, and all succeed"() {
        given:
        def upstream = new UpstreamStub()
        upstream.issues('up-at-2', 'up-rt-2')
        def workspace = "ws_${UUID.randomUUID()}"
        def key = apiKey(workspace)
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        def pool = Executors.newFixedThreadPool(20)
        def gate = new CountDownLatch(1)

        when:
        def calls = (1..20).collect {
            pool.submit({
                gate.await()
                try {
                    withCredential(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }.status.code
                } catch (HttpClientResponseException e) {
                    e.status.code
                }
            } as Callable<Integer>)
        }
        gate.countDown()
        def statuses = calls*.get()

        then:
        statuses.every { it == 200 }
        upstream.received.size() == 1
        upstream.received[0].form.refresh_token == 'up-rt-1'

        cleanup:
        pool?.shutdownNow()
        upstream?.close()
    }
}
