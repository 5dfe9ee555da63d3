package rotor.client.session

import rotor.client.session.store.InMemoryRefreshTokenStore
import rotor.client.session.store.RefreshTokenStore
import spock.lang.Specification

class NewRefreshTokenIsStoredBeforeItsAccessTokenIsUsedSpec extends Specification {

    def "the new refresh token is in the store before the access token is handed out"() {
        given:
        def store = new InMemoryRefreshTokenStore()
        def refresher = new CountingRefresher()
        def session = TokenSession.builder(refresher, store).initialRefreshToken('rt-0').build()

        expect: 'the first login is stored as soon as the session exists'
        store.load().get() == 'rt-0'

        when:
        def token = session.accessToken()

        then:
        token == 'at-1'
        store.load().get() == 'rt-1'
    }

    def "a stored refresh token wins over the initial one: a restarted client resumes its chain"() {
        given:
        def store = new InMemoryRefreshTokenStore()
        store.save('rt-7')
        def refresher = new CountingRefresher()

        when:
        TokenSession.builder(refresher, store).initialRefreshToken('rt-0').build().accessToken()

        then:
        refresher.presented == ['rt-7']
    }

    def "no refresh token anywhere is refused at once"() {
        when:
        TokenSession.builder(new CountingRefresher(), new InMemoryRefreshTokenStore()).build()

        then:
        thrown(IllegalStateException)
    }

    def "when the store fails the access token is withheld, and the next refresh presents the newest refresh token"() {
        given:
        def failOnce = true
        def saved = []
        def store = Stub(RefreshTokenStore) {
            load() >> Optional.of('rt-0')
            save(_) >> { String rt ->
                if (failOnce && rt == 'rt-1') { failOnce = false; throw new UncheckedIOException(new IOException('disk full')) }
                saved << rt
            }
        }
        def refresher = new CountingRefresher()
        def session = TokenSession.builder(refresher, store).build()

        when:
        session.accessToken()

        then:
        def e = thrown(RefreshFailedException)
        e.message.contains('could not be stored')

        when:
        def token = session.accessToken()

        then:
        token == 'at-2'
        refresher.presented == ['rt-0', 'rt-1']
        saved == ['rt-2']
    }
}
