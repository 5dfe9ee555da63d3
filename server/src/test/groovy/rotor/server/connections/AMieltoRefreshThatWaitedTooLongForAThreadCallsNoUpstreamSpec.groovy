package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.scheduling.LoomSupport
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.CapturedLog
import rotor.server.support.ConnectionSpecification
import rotor.server.support.MutableClock
import rotor.server.support.PrometheusScrape
import rotor.testing.UpstreamStub
import spock.lang.IgnoreIf
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * On JDK 17 mielto's refreshes share a fixed pool, here of one thread. A refresh queued behind one
 * stalled on its upstream for longer than rotor.connections.queue-wait (10 s on a clock the spec
 * moves) is answered 502 once it gets the thread, without calling its own upstream, and its stored
 * credential is left as it was. On JDK 21+ each refresh has a virtual thread and nothing queues.
 */
@IgnoreIf({ LoomSupport.isSupported() })
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.request-threads', value = '1')
@Property(name = 'rotor.connections.queue-wait', value = '10s')
@Property(name = 'rotor.connections.read-timeout', value = '60s')
@Property(name = 'rotor.connections.call-timeout', value = '60s')
class AMieltoRefreshThatWaitedTooLongForAThreadCallsNoUpstreamSpec extends ConnectionSpecification {

    static final MutableClock CLOCK = new MutableClock(Instant.now())

    /** The server's clock, moved by the spec while a refresh waits in the queue. */
    @MockBean(Clock)
    Clock clock() {
        CLOCK
    }

    HttpClient http = HttpClient.newHttpClient()
    UpstreamStub answering = new UpstreamStub()
    List<String> warnings

    def cleanup() {
        answering.close()
    }

    def "the refresh queued past the bound gets 502 and its upstream is never called; asked again, it refreshes from what was stored"() {
        given:
        upstream.hangs()
        answering.issues('up-at-2', 'up-rt-2')
        def stalled = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-stalled')
        def queued = connection(workspace, answering.tokenUrl, 'acme', 's3cret', 'up-rt-queued')
        def backlogged = backloggedCount()

        when: 'the stalled refresh holds the only thread, and the other waits for it'
        def first = refreshAsync(stalled)
        assert upstream.arrive(1, 30)
        def second = refreshAsync(queued)
        new PollingConditions(timeout: 10).eventually { assert queuedTasks() == 1 }

        and: 'it has waited 11 s when the stalled upstream lets go'
        CLOCK.advance(Duration.ofSeconds(11))
        def answer = new CapturedLog().withCloseable { log ->
            upstream.close()
            def answered = second.get(30, TimeUnit.SECONDS)
            warnings = log.lines(ConnectionRefresher.name)
            answered
        }

        then:
        first.get(30, TimeUnit.SECONDS).statusCode() == 502
        answer.statusCode() == 502
        answer.body() == '{"detail":"Upstream token endpoint failed"}'
        answering.received.empty
        backloggedCount() == backlogged + 1
        warnings.count { it.contains('a mielto refresh waited 11000 ms for a thread, more than rotor.connections.queue-wait (10000 ms)') } == 1

        when: 'asked again, it starts at once'
        def again = refreshAsync(queued).get(30, TimeUnit.SECONDS)

        then:
        again.statusCode() == 200
        answering.received*.form.refresh_token == ['up-rt-queued']
    }

    private CompletableFuture<HttpResponse<String>> refreshAsync(String connectionId) {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}/api/v1/oauth/refresh/${connectionId}"))
                .header('Authorization', "Bearer ${key}")
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(90))
                .build()
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
    }

    private double queuedTasks() {
        scrape().value('executor_queued_tasks', [name: UpstreamCallThreads.NAME])
    }

    private double backloggedCount() {
        scrape().value('rotor_refreshes_total', [dialect: 'mielto', outcome: 'backlogged'])
    }

    private PrometheusScrape scrape() {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}/prometheus"))
                .header('Authorization', "Bearer ${ADMIN_TOKEN}").timeout(Duration.ofSeconds(10)).build()
        new PrometheusScrape(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
    }
}
