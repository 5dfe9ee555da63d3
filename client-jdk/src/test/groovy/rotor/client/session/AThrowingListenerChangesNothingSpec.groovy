package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** A listener is told what happened; when it throws, the session goes on exactly as without it. */
class AThrowingListenerChangesNothingSpec extends Specification {

    def store = new InMemoryRefreshTokenStore()
    def refresher = new CountingRefresher()
    def heard = []
    def listener = new SessionListener() {
        void refreshed(Instant at) { heard << 'refreshed'; throw new IllegalStateException('listener bug') }
        void transientFailure(int attempt, RuntimeException failure) { heard << "transient $attempt".toString(); throw new IllegalStateException('listener bug') }
        void grantGone(GrantGoneException gone) { heard << 'gone'; throw new IllegalStateException('listener bug') }
    }
    def session = TokenSession.builder(refresher, store).initialRefreshToken('rt-0').listener(listener)
            .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4))).build()

    def "a refresh succeeds and is kept although the listener throws when told of it"() {
        expect:
        session.accessToken() == 'at-1'
        session.accessToken() == 'at-1'
        refresher.calls.get() == 1
        store.load().get() == 'rt-1'
        heard == ['refreshed']
    }

    def "transient failures are still retried although the listener throws when told of them"() {
        given:
        2.times { refresher.next << { String rt -> throw new TransientRefreshException(503, null) } }

        expect:
        session.accessToken() == 'at-3'
        refresher.presented == ['rt-0', 'rt-0', 'rt-0']
        heard == ['transient 1', 'transient 2', 'refreshed']
    }

    def "a gone grant is still reported as gone"() {
        given:
        refresher.next << { String rt -> throw new GrantGoneException('invalid_grant') }

        when:
        session.accessToken()

        then:
        thrown(GrantGoneException)
        heard == ['gone']
        store.load().isEmpty()
    }
}
