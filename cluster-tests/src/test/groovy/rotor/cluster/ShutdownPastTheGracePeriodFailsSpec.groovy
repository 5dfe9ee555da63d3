package rotor.cluster

import com.sun.net.httpserver.HttpServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 13, clean shutdown: a stop that had to cut a request off is not a clean stop. When the
 * grace period ends with a request still running, rotor says so in its log and exits 1, so an
 * orchestrator sees a failed stop instead of the 0 of a stop that finished its work.
 *
 * The request that outlives the grace period is a mielto refresh whose upstream holds its answer
 * until the spec releases it.
 */
class ShutdownPastTheGracePeriodFailsSpec extends Specification {

    static final String WORKSPACE = 'ws_shutdown'

    @TempDir Path dir
    def called = new CountDownLatch(1)
    def release = new CountDownLatch(1)
    ExecutorService upstreamThreads = Executors.newCachedThreadPool()
    HttpServer upstream
    RotorProcess rotor

    def setup() {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        upstream.executor = upstreamThreads
        upstream.createContext('/token') { exchange ->
            called.countDown()
            release.await(30, TimeUnit.SECONDS)
            def body = '{"access_token":"upstream-access","token_type":"Bearer","expires_in":3600}'.getBytes(StandardCharsets.UTF_8)
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        upstream.start()
    }

    def cleanup() {
        release.countDown()
        rotor?.close()
        upstream?.stop(0)
        upstreamThreads.shutdownNow()
    }

    def "SIGTERM while a request outlives the 1 s grace period: rotor logs the cut-off and exits 1"() {
        given:
        rotor = RotorProcess.startOnItsOwnStore(dir, [ROTOR_SHUTDOWN_GRACE_PERIOD: '1s'],
                ['rotor.connections.allow-private-networks': 'true'])
        def caller = Calls.mieltoConnection(rotor, WORKSPACE, URI.create("http://127.0.0.1:${upstream.address.port}/token"))
        def refresh = CompletableFuture.supplyAsync { Calls.refreshMielto(rotor, caller, WORKSPACE) }

        when: "the refresh is waiting on its upstream, SIGTERM"
        assert called.await(20, TimeUnit.SECONDS)
        rotor.terminate()
        def exitCode = rotor.exitCode(Duration.ofSeconds(15))

        then: "the stop is reported as failed"
        exitCode == Optional.of(1)
        rotor.log.toFile().text.contains('still running when the grace period of 1s ended')

        and: "the cut-off request got no tokens: no answer, or mielto's 502 when closing the upstream client ended its call first"
        refresh.get(20, TimeUnit.SECONDS) in [null, 502]
    }
}
