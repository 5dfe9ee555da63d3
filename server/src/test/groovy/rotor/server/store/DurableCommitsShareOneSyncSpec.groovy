package rotor.server.store

import rotor.server.engine.StoreContention
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.sql.SQLException
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A commit is acknowledged only after an fsync that began after it, and callers that commit while
 * an fsync runs share the next one. A force that waits for the spec's latch makes the order
 * deterministic; no database is involved.
 */
class DurableCommitsShareOneSyncSpec extends Specification {

    @Shared
    def pool = Executors.newCachedThreadPool()

    def cleanupSpec() {
        pool.shutdownNow()
    }

    def "a caller returns only when a sync that began after its commit has ended"() {
        given:
        def entered = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def durable = new DurableCommits({ held -> entered.countDown(); release.await(20, TimeUnit.SECONDS) } as DurableCommits.Force, Duration.ofSeconds(20))

        when:
        def caller = pool.submit({ durable.afterCommit() } as Callable)
        assert entered.await(10, TimeUnit.SECONDS)

        then: 'while the disk is being synced, the caller has not returned'
        !caller.done

        when:
        release.countDown()
        caller.get(10, TimeUnit.SECONDS)

        then:
        durable.syncs() == 1
    }

    def "callers that commit while a sync runs share the next sync"() {
        given:
        def forces = new AtomicInteger()
        def entered = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def durable = new DurableCommits({ held ->
            if (forces.incrementAndGet() == 1) {
                entered.countDown()
                release.await(20, TimeUnit.SECONDS)
            }
        } as DurableCommits.Force, Duration.ofSeconds(20))

        when: 'one caller is syncing and three more commit meanwhile'
        def first = pool.submit({ durable.afterCommit() } as Callable)
        assert entered.await(10, TimeUnit.SECONDS)
        def later = (1..3).collect { pool.submit({ durable.afterCommit() } as Callable) }
        new PollingConditions(timeout: 10).eventually { assert durable.waiting() == 3 }

        then: 'none of them is answered by the sync that began before their commits'
        later.every { !it.done }

        when:
        release.countDown()
        ([first] + later)*.get(10, TimeUnit.SECONDS)

        then: 'the three shared one sync after the first'
        forces.get() == 2
        durable.syncs() == 2
    }

    def "a sync that fails is not an acknowledgement, and no later commit is acknowledged either"() {
        given:
        def forces = new AtomicInteger()
        def durable = new DurableCommits({ held -> forces.incrementAndGet(); throw new SQLException('disk gone', '58030') } as DurableCommits.Force, Duration.ofSeconds(5))

        when:
        durable.afterCommit()

        then:
        def e = thrown(StoreContention)
        e.cause.message == 'disk gone'

        when: 'Linux may report the next fsync as a success without the pages the failed one dropped'
        durable.afterCommit()

        then:
        thrown(StoreContention)
        forces.get() == 1
        durable.syncs() == 0
    }

    def "a sync that could not reach the store fails its caller only"() {
        given:
        def forces = new AtomicInteger()
        def durable = new DurableCommits({ held ->
            if (forces.incrementAndGet() == 1) {
                throw new IllegalStateException('no free connection')
            }
        } as DurableCommits.Force, Duration.ofSeconds(5))

        when:
        durable.afterCommit()

        then:
        thrown(StoreContention)

        when:
        durable.afterCommit()

        then:
        forces.get() == 2
        durable.syncs() == 1
    }

    def "a caller that cannot start a sync in time fails instead of waiting on"() {
        given:
        def entered = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def durable = new DurableCommits({ held -> entered.countDown(); release.await(20, TimeUnit.SECONDS) } as DurableCommits.Force, Duration.ofMillis(200))
        def first = pool.submit({ durable.afterCommit() } as Callable)
        assert entered.await(10, TimeUnit.SECONDS)

        when:
        durable.afterCommit()

        then:
        thrown(StoreContention)

        cleanup:
        release.countDown()
        first?.get(10, TimeUnit.SECONDS)
    }

    def "a store whose commits are durable as they are makes no sync"() {
        given:
        def durable = DurableCommits.none()

        when:
        3.times { durable.afterCommit() }

        then:
        durable.syncs() == 0
    }
}
