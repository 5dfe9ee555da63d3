package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class ConcurrentCallersCauseOneRefreshSpec extends Specification {

    def "50 callers that need a token at once cause one refresh and all get its access token"() {
        given: 'a refresher that holds its answer until the spec lets it go'
        def release = new CountDownLatch(1)
        def refresher = new CountingRefresher()
        refresher.next << { String rt -> assert release.await(10, TimeUnit.SECONDS); null }
        def session = TokenSession.builder(refresher, new InMemoryRefreshTokenStore()).initialRefreshToken('rt-0').build()
        def pool = Executors.newFixedThreadPool(50)
        def threads = Collections.synchronizedList([])

        when: 'every caller asks while the first refresh is still under way'
        def answers = (1..50).collect {
            pool.submit({ threads << Thread.currentThread(); session.accessToken() } as java.util.concurrent.Callable)
        }
        new PollingConditions(timeout: 10).eventually {
            assert refresher.calls.get() == 1
            assert threads.size() == 50
            assert threads.count { it.state in [Thread.State.WAITING, Thread.State.TIMED_WAITING] } == 50
        }
        release.countDown()

        then:
        answers.collect { it.get(10, TimeUnit.SECONDS) } as Set == ['at-1'] as Set
        refresher.calls.get() == 1
        refresher.presented == ['rt-0']

        cleanup:
        pool.shutdownNow()
    }

    def "callers that still hold a valid token keep using it while one of them renews it"() {
        given:
        def clock = new MutableClock()
        def release = new CountDownLatch(1)
        def refresher = new CountingRefresher(clock: clock)
        def session = TokenSession.builder(refresher, new InMemoryRefreshTokenStore()).initialRefreshToken('rt-0')
                .refreshAhead(java.time.Duration.ofSeconds(60), java.time.Duration.ZERO).clock(clock).build()
        session.accessToken()
        refresher.next << { String rt -> assert release.await(10, TimeUnit.SECONDS); null }
        clock.advance(java.time.Duration.ofMinutes(4))   // due (60 s ahead of a 5 min lifetime), not expired
        def renewing = Thread.start { session.accessToken() }

        expect: 'while the renewal hangs, another caller gets the still-valid token at once'
        new PollingConditions(timeout: 10).eventually { assert refresher.calls.get() == 2 }
        session.accessToken() == 'at-1'

        when:
        release.countDown()
        renewing.join(10_000)

        then:
        session.accessToken() == 'at-2'
        refresher.calls.get() == 2
    }
}
