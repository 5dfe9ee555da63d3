package rotor.server.connections

import rotor.server.support.MutableClock
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.TimeUnit

/**
 * UpstreamCallBacklog's pool tells each task how long it waited in the queue for a thread, and
 * calls it overdue past rotor.connections.queue-wait: the rule by which a mielto refresh that
 * waited too long is answered without calling its upstream. One thread, a clock moved by hand.
 */
class AQueuedMieltoRefreshKnowsHowLongItWaitedSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-12-07T12:00:00Z'))
    UpstreamCallBacklog backlog = new UpstreamCallBacklog(Duration.ofSeconds(10), clock)
    @AutoCleanup('shutdownNow')
    ExecutorService pool = backlog.fixedPool(1, { new Thread(it, 'spec-upstream') })

    CountDownLatch release = new CountDownLatch(1)

    def cleanup() {
        release.countDown()
    }

    def "a task queued behind a busy thread for longer than the bound is overdue by what it waited"() {
        given:
        occupyTheThread()
        def queued = overdueAsSeenBy()

        when:
        clock.advance(Duration.ofSeconds(11))
        release.countDown()

        then:
        queued.get(10, TimeUnit.SECONDS) == Optional.of(Duration.ofSeconds(11))
    }

    def "a task that waited exactly the bound, or started at once, is not overdue"() {
        given:
        occupyTheThread()
        def queued = overdueAsSeenBy()

        when:
        clock.advance(Duration.ofSeconds(10))
        release.countDown()

        then:
        queued.get(10, TimeUnit.SECONDS).empty

        and: 'the next task starts at once, though its thread ran one that waited'
        overdueAsSeenBy().get(10, TimeUnit.SECONDS).empty
    }

    def "off the pool nothing is overdue: on JDK 21+ mielto's refreshes start on virtual threads of their own"() {
        expect:
        backlog.overdue().empty
    }

    def "a bound that is not positive stops the start"() {
        when:
        new UpstreamCallBacklog(bound, clock)

        then:
        def e = thrown(IllegalStateException)
        e.message == "rotor.connections.queue-wait (ROTOR_UPSTREAM_QUEUE_WAIT) must be positive, not ${bound.toMillis()} ms"

        where:
        bound << [Duration.ZERO, Duration.ofSeconds(-1)]
    }

    private void occupyTheThread() {
        def started = new CountDownLatch(1)
        pool.execute {
            started.countDown()
            release.await(30, TimeUnit.SECONDS)
        }
        assert started.await(10, TimeUnit.SECONDS)
    }

    private CompletableFuture<Optional<Duration>> overdueAsSeenBy() {
        CompletableFuture.supplyAsync({ backlog.overdue() }, pool)
    }
}
