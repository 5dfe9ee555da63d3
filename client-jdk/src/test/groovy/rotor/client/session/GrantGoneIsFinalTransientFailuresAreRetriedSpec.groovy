package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.CopyOnWriteArrayList

class GrantGoneIsFinalTransientFailuresAreRetriedSpec extends Specification {

    def store = new InMemoryRefreshTokenStore()
    def refresher = new CountingRefresher()
    def events = new CopyOnWriteArrayList<String>()
    def listener = new SessionListener() {
        void refreshed(Instant at) { events << 'refreshed' }
        void transientFailure(int attempt, RuntimeException failure) { events << "transient $attempt".toString() }
        void grantGone(GrantGoneException gone) { events << "gone ${gone.answer()}".toString() }
    }
    def session = TokenSession.builder(refresher, store).initialRefreshToken('rt-0').listener(listener)
            .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))).build()

    def "transient failures are retried with the same refresh token until one succeeds"() {
        given:
        2.times { refresher.next << { String rt -> throw new TransientRefreshException(503, null) } }

        expect:
        session.accessToken() == 'at-3'
        refresher.presented == ['rt-0', 'rt-0', 'rt-0']
        events == ['transient 1', 'transient 2', 'refreshed']
    }

    def "transient failures beyond the retries fail this call, not the session"() {
        given:
        3.times { refresher.next << { String rt -> throw new TransientRefreshException(0, new IOException('refused')) } }

        when:
        session.accessToken()

        then:
        def e = thrown(RefreshFailedException)
        !(e instanceof GrantGoneException)
        refresher.calls.get() == 3

        expect: 'a later call tries again'
        session.accessToken() == 'at-4'
        store.load().get() == 'rt-4'
    }

    def "a gone grant is reported as such, the store is cleared, and no later call asks the server again"() {
        given:
        refresher.next << { String rt -> throw new GrantGoneException('REFRESH_TOKEN_REVOKED') }

        when:
        session.accessToken()

        then:
        def first = thrown(GrantGoneException)
        first.answer() == 'REFRESH_TOKEN_REVOKED'
        first.message.contains('new login')
        store.load().isEmpty()

        when:
        session.accessToken()

        then:
        def again = thrown(GrantGoneException)
        again.answer() == 'REFRESH_TOKEN_REVOKED'
        refresher.calls.get() == 1
        events == ['gone REFRESH_TOKEN_REVOKED']
    }

    def "a grant found gone through a refused call withholds the old access token too, though it has not expired"() {
        given:
        def token = session.accessToken()
        refresher.next << { String rt -> throw new GrantGoneException('invalid_grant') }

        when:
        session.call { String t -> throw new AccessTokenRejectedException('401') }

        then:
        thrown(GrantGoneException)

        when:
        session.accessToken()

        then:
        thrown(GrantGoneException)
        token == 'at-1'
        refresher.calls.get() == 2
    }

    def "a refusal that is neither gone nor transient is not retried"() {
        given:
        refresher.next << { String rt -> throw new RefreshFailedException('HTTP 400', null) }

        when:
        session.accessToken()

        then:
        thrown(RefreshFailedException)
        refresher.calls.get() == 1
    }

    def "backoff grows from the initial wait, is capped, and is spread"() {
        given:
        def policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(800))

        expect:
        (1..200).collect { policy.backoffAfter(1).toMillis() }.every { it >= 50 && it <= 100 }
        (1..200).collect { policy.backoffAfter(3).toMillis() }.every { it >= 200 && it <= 400 }
        (1..200).collect { policy.backoffAfter(9).toMillis() }.every { it >= 400 && it <= 800 }
        (1..200).collect { policy.backoffAfter(2).toMillis() }.toSet().size() > 10
    }

    def "neither a pair nor a verdict shows a token"() {
        expect:
        !new TokenPair('eyJ.secret', 'rtr_secret', Instant.EPOCH).toString().contains('secret')
        !new GrantGoneException('invalid_grant').message.contains('rtr_')
    }
}
