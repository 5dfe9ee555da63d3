package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.mielto.model.HTTPError
import rotor.server.support.CapturedLog
import rotor.server.support.ConnectionSpecification

/**
 * An upstream call ends within its total time budget however the upstream sends (headers at
 * once, then a byte now and then), and an answer larger than rotor will keep is a failed call:
 * 502, and the stored credential as it was.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.reuse-window', value = '0s')
@Property(name = 'rotor.connections.read-timeout', value = '1s')
@Property(name = 'rotor.connections.call-timeout', value = '2s')
class UpstreamCallIsBoundedInTimeAndSizeSpec extends ConnectionSpecification {

    def "a trickling upstream answers 502 within the 2 s call budget, not when it stops"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.trickles()
        def started = System.nanoTime()

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        errorBody(e, HTTPError).detail == 'Upstream token endpoint failed'
        (System.nanoTime() - started) / 1e9 < 5

        and: "the credential is as it was"
        presentsAfterwards(id) == 'up-rt-1'
    }

    def "a body that never ends fails on the size cap, not on the call budget: the rest is not downloaded"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.floods()

        when:
        def log = new CapturedLog().withCloseable { captured ->
            try {
                refresh(id)
            } catch (HttpClientResponseException e) {
                assert e.status.code == 502
            }
            captured.lines(UpstreamTokenEndpoint.name)
        }

        then:
        log.any { it.contains("connection ${id}: the upstream token endpoint failed: the response body exceeds 65536 bytes") }
        log.findAll { it.contains('no complete answer') }.empty

        and: "the credential is as it was"
        presentsAfterwards(id) == 'up-rt-1'
    }

    def "#what answers 502 and leaves the credential as it was"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(200, body)

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        presentsAfterwards(id) == 'up-rt-1'

        where:
        what                                      | body
        'a body over 64 KiB'                      | '{"access_token":"at","refresh_token":"rt","expires_in":60,"padding":"' + 'x' * 70_000 + '"}'
        'an access token over 8 KiB'              | '{"access_token":"' + 'a' * 8_193 + '","refresh_token":"rt","expires_in":60}'
        'a refresh token over 8 KiB'              | '{"access_token":"at","refresh_token":"' + 'r' * 8_193 + '","expires_in":60}'
    }
}
