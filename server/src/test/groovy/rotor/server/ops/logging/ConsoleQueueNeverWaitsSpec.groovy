package rotor.server.ops.logging

import ch.qos.logback.classic.AsyncAppender
import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.classic.util.LogbackMDCAdapter
import ch.qos.logback.core.Appender
import ch.qos.logback.core.AppenderBase
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * rotor's console sits behind a queue of 8,192 lines (ConsoleLogging): a console nobody reads must
 * never make a log call wait, least of all on an event loop. From 80% full INFO lines are dropped
 * and warnings kept; when it is full every line is. Here the console is one of the spec's own that
 * stalls until released. The lines are logged on a thread of the spec's own: a log call that
 * waited would leave it running past its deadline, which fails the feature (and the release in
 * cleanup lets it end).
 *
 * Logback's worker drains the whole queue into a batch of its own before it writes: if it woke
 * with thousands of lines queued, it would hold them and free the queue again. So each feature first
 * logs one line and waits until the console is stalled on it; the worker then holds that one line
 * and the queue's 8,192 places are all the room left. And stopping the queue waits for its worker
 * only up to the flush time of an exit (2 s): a feature counts the written lines once the worker has
 * stopped the console, which it does after writing out the last queued line, however long that took.
 */
class ConsoleQueueNeverWaitsSpec extends Specification {

    private final LoggerContext context = new LoggerContext()
    final CountDownLatch release = new CountDownLatch(1)
    final CountDownLatch stalled = new CountDownLatch(1)
    final CountDownLatch consoleStopped = new CountDownLatch(1)
    final List<ILoggingEvent> written = Collections.synchronizedList(new ArrayList<ILoggingEvent>())
    private final ExecutorService logging = Executors.newSingleThreadExecutor()

    private AsyncAppender queue
    private Logger logger

    /** Each feature logs through a queue whose console is already stalled on one line. */
    def setup() {
        context.MDCAdapter = new LogbackMDCAdapter() // a context of its own, not the one SLF4J set up
        queue = ConsoleLogging.queued(context, stalledConsole())
        logger = context.getLogger('spec')
        logger.addAppender(queue)
        stallOnFirstLine()
    }

    def cleanup() {
        release.countDown()
        logging.shutdown()
        logging.awaitTermination(30, TimeUnit.SECONDS)
        context.stop()
    }

    /** Runs the log calls on the spec's logging thread; they must all return within 10 s whatever the console does. */
    private void logWithoutWaiting(Closure calls) {
        logging.submit(calls as Callable).get(10, TimeUnit.SECONDS)
    }

    def "with the console stalled, INFO lines past 80% of the queue are dropped and the warnings after them kept"() {
        when: 'more INFO lines than fit under the 80% mark, then warnings, all while the console is stalled'
        logWithoutWaiting {
            7_000.times { logger.info('info {}', it) }
            500.times { logger.warn('warn {}', it) }
        }

        and: 'the console moves again and the queue is written out'
        writeOut()

        then: 'every warning came through, and the INFO lines up to about 80% of 8,192'
        def warnings = written.count { it.level == Level.WARN }
        warnings == 500 + 1
        def infos = written.count { it.level == Level.INFO }
        infos < 7_000
        infos >= 6_500
    }

    def "when the queue is full even warnings are dropped rather than wait"() {
        when:
        logWithoutWaiting { 10_000.times { logger.warn('warn {}', it) } }
        writeOut()

        then: 'the line the console was stalled on and a queue-full of the others, the rest dropped'
        written.size() == 1 + 8_192
    }

    /** One line, which the worker takes and the console stalls on, before the feature logs. */
    private void stallOnFirstLine() {
        logger.warn('first')
        assert stalled.await(10, TimeUnit.SECONDS)
    }

    /** Releases the console, stops the queue and waits until its worker has written out every queued line. */
    private void writeOut() {
        release.countDown()
        queue.stop()
        assert consoleStopped.await(30, TimeUnit.SECONDS)
    }

    /** A console that holds the first line it gets until released. */
    private Appender<ILoggingEvent> stalledConsole() {
        def console = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (release.count > 0) {
                    stalled.countDown()
                    awaitRelease()
                }
                written << event
            }

            /**
             * Stopping the queue interrupts its worker, possibly while it is still parked here just after
             * the release: a plain await() would then throw, and Logback would drop the stalled line.
             */
            private void awaitRelease() {
                boolean interrupted = false
                while (true) {
                    try {
                        release.await()
                        break
                    } catch (InterruptedException ignored) {
                        interrupted = true
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt()
                }
            }

            @Override
            void stop() {
                super.stop()
                consoleStopped.countDown()
            }
        }
        console.context = context
        console.start()
        console
    }
}
