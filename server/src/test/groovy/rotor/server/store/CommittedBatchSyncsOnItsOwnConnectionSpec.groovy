package rotor.server.store

import com.zaxxer.hikari.HikariDataSource
import io.micronaut.context.ApplicationContext
import io.micronaut.data.connection.ConnectionDefinition
import io.micronaut.data.connection.ConnectionOperations
import rotor.server.support.Store
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.sql.DataSource
import java.nio.file.Path
import java.sql.Connection
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * The committer forces its batch to disk on the connection it committed on. Had it given that
 * connection back and borrowed another for the sync, a pool with none to spare would fail a batch
 * that is committed: its writers would be answered with an error, and a client retrying its spent
 * token would trip reuse detection.
 */
class CommittedBatchSyncsOnItsOwnConnectionSpec extends Specification {

    @Shared
    def threads = Executors.newCachedThreadPool()

    @Shared
    @TempDir
    Path dir

    @Shared
    @AutoCleanup
    ApplicationContext context

    def setupSpec() {
        context = Store.h2Context(dir, [
                'datasources.default.maximum-pool-size' : 2,
                'datasources.default.minimum-idle'      : 2,
                'datasources.default.connection-timeout': 500,
        ])
    }

    def cleanupSpec() {
        threads.shutdownNow()
    }

    def "a committed batch is acknowledged though another thread takes every connection the moment it commits"() {
        given: 'one of the two connections held elsewhere'
        def connections = context.getBean(ConnectionOperations)
        def pool = (HikariDataSource) context.getBean(DataSource).unwrap(HikariDataSource)
        def commit = context.getBean(GroupCommit)
        def durable = context.getBean(DurableCommits)
        def syncsBefore = durable.syncs()
        def release = new CountDownLatch(1)
        def holding = new CountDownLatch(2)
        def hold = { ->
            connections.execute(ConnectionDefinition.DEFAULT, { status ->
                holding.countDown()
                release.await(20, TimeUnit.SECONDS)
            })
        }
        threads.submit(hold as Callable)
        waitUntil { holding.count == 1 }

        when: 'a second holder queues for the batch connection while the batch runs'
        def answer = threads.submit({
            commit.run('k', { Connection c ->
                threads.submit(hold as Callable)
                waitUntil { pool.hikariPoolMXBean.threadsAwaitingConnection > 0 }
                1
            })
        } as Callable)

        then: 'the batch is answered, synced to disk, while the queued holder has the connection it gave up'
        answer.get(20, TimeUnit.SECONDS) == 1
        durable.syncs() > syncsBefore

        cleanup:
        release.countDown()
    }

    /** Spins until the condition holds: the pool's waiter count is not a thing to wait on with a latch. */
    private static boolean waitUntil(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (!condition()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException('condition not reached in 10 s')
            }
            Thread.onSpinWait()
        }
        true
    }
}
