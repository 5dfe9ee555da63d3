package rotor.server.ops

import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.scheduling.TaskExecutors
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import jakarta.inject.Named
import spock.lang.Requires
import spock.lang.Specification

import java.util.concurrent.ExecutorService

/**
 * Without virtual threads (JDK 17) the controllers run on the I/O pool, which is fixed
 * (ROTOR_REQUEST_THREADS, 64) rather than Micronaut's cached pool, which grows a thread for every
 * request in flight however many arrive at once.
 */
@MicronautTest(transactional = false)
class RequestThreadsAreBoundedOnJdk17Spec extends Specification {

    @Inject
    @Named(TaskExecutors.IO)
    ExecutorService io

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService blocking

    @Inject
    MeterRegistry meters

    def "the I/O pool holds at most 64 threads, as its executor.pool.max meter says"() {
        when: 'a task has run on it, so that its pool exists'
        io.submit({ -> }).get()

        then:
        meters.get('executor.pool.max').tag('name', TaskExecutors.IO).gauge().value() == 64
    }

    @Requires({ Runtime.version().feature() < 21 })
    def "on this JDK the controllers' executor runs its tasks on that pool's threads"() {
        expect:
        blocking.submit({ -> Thread.currentThread().name } as java.util.concurrent.Callable<String>).get().startsWith('io-executor-thread-')
    }
}
