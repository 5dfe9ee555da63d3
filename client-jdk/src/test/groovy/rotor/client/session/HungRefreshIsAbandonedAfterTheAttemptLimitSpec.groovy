package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * A refresh call that never answers (a client built without a read timeout, a server that accepts
 * and stalls) must not wedge the session: the attempt is abandoned after the attempt limit and
 * retried, and an answer that arrives after it was abandoned is never stored.
 */
@Timeout(20)
class HungRefreshIsAbandonedAfterTheAttemptLimitSpec extends Specification {

    def store = new InMemoryRefreshTokenStore()
    def refresher = new CountingRefresher()
    def released = new CountDownLatch(1)
    def interrupted = new CountDownLatch(1)
    def answeredLate = new CountDownLatch(1)

    def session = TokenSession.builder(refresher, store).initialRefreshToken('rt-0')
            .attemptLimit(Duration.ofMillis(300))
            .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))).build()

    def "a hung attempt is interrupted and retried with the same refresh token"() {
        given:
        refresher.next << { String rt -> hang() }

        expect:
        session.accessToken() == 'at-2'
        refresher.presented == ['rt-0', 'rt-0']
        store.load().get() == 'rt-2'
        interrupted.await(5, TimeUnit.SECONDS)
    }

    def "an answer that comes after its attempt was abandoned is never stored"() {
        given: 'the first attempt ignores interrupts and answers late'
        refresher.next << { String rt ->
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
            while (System.nanoTime() < deadline) {
                try { if (released.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) break } catch (InterruptedException ignored) { }
            }
            try { refresher.pair(99) } finally { answeredLate.countDown() }
        }

        when:
        def token = session.accessToken()
        released.countDown()

        then:
        token == 'at-2'
        store.load().get() == 'rt-2'

        when: 'the abandoned attempt has answered'
        def late = answeredLate.await(5, TimeUnit.SECONDS)

        then:
        late
        refresher.calls.get() == 2
        session.accessToken() == 'at-2'
        store.load().get() == 'rt-2'
    }

    def "the attempt limit must be positive"() {
        when:
        TokenSession.builder(refresher, store).attemptLimit(Duration.ZERO)

        then:
        thrown(IllegalArgumentException)
    }

    private TokenPair hang() {
        try {
            released.await()
        } catch (InterruptedException e) {
            interrupted.countDown()
            throw new TransientRefreshException(0, e)
        }
        refresher.pair(99)
    }
}
