package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class RefreshAheadOfExpirySpec extends Specification {

    def "the access token is reused until skew before its expiry, then refreshed"() {
        given:
        def clock = new MutableClock()
        def refresher = new CountingRefresher(clock: clock, lifetime: Duration.ofMinutes(5))
        def session = TokenSession.builder(refresher, new InMemoryRefreshTokenStore()).initialRefreshToken('rt-0')
                .refreshAhead(Duration.ofSeconds(30), Duration.ZERO).clock(clock).build()

        expect:
        session.accessToken() == 'at-1'

        when: 'just before the token is due'
        clock.advance(Duration.ofSeconds(269))

        then:
        session.accessToken() == 'at-1'
        refresher.calls.get() == 1

        when: 'at skew before expiry'
        clock.advance(Duration.ofSeconds(1))

        then:
        session.accessToken() == 'at-2'
        refresher.presented == ['rt-0', 'rt-1']
    }

    def "the jitter spreads refresh moments over the jitter window, after the skew"() {
        given:
        def schedule = new RefreshSchedule(Duration.ofSeconds(30), Duration.ofSeconds(20))
        def received = Instant.parse('2026-01-01T00:00:00Z')
        def expires = received + Duration.ofHours(1)

        when:
        def leads = (1..500).collect { Duration.between(schedule.refreshAt(received, expires), expires).toMillis() }

        then:
        leads.every { it >= 30_000 && it <= 50_000 }
        leads.max() - leads.min() > 15_000
        leads.toSet().size() > 100
    }

    def "a token shorter-lived than the skew is used for half its life, not refreshed on every call"() {
        given:
        def schedule = new RefreshSchedule(Duration.ofSeconds(30), Duration.ofSeconds(10))
        def received = Instant.parse('2026-01-01T00:00:00Z')

        expect:
        schedule.refreshAt(received, received + Duration.ofSeconds(1)) == received + Duration.ofMillis(500)
    }
}
