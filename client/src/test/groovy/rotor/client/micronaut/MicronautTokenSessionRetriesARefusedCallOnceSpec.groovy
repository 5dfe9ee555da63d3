package rotor.client.micronaut

import io.micronaut.core.propagation.PropagatedContext
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.exceptions.HttpClientResponseException
import rotor.client.session.TokenPair
import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification

import java.time.Instant

/**
 * The Micronaut adapter of the token session: the session's access token reaches the generated
 * clients as the Bearer credential of the call's scope, and a 401 refreshes once and retries once.
 * The "client" here reads the credential the way CredentialFilter does, from the propagated context.
 */
class MicronautTokenSessionRetriesARefusedCallOnceSpec extends Specification {

    def refreshed = []
    def store = new InMemoryRefreshTokenStore()

    def "a call refused with 401 gets a refreshed token and is made once more"() {
        given: "a server that takes only the second access token"
        def session = session(['at-1', 'at-2'])
        def seen = []

        when:
        def answer = session.call { seen << bearer(); if (bearer() != 'Bearer at-2') { throw unauthorized() }; 'ok' }

        then:
        answer == 'ok'
        seen == ['Bearer at-1', 'Bearer at-2']
        refreshed == ['rt-0', 'rt-1']
        store.load().get() == 'rt-2'
    }

    def "a second refusal reaches the caller, and other failures are not retried"() {
        given:
        def session = session(['at-1', 'at-2', 'at-3'])
        def calls = 0

        when:
        session.call { calls++; throw unauthorized() }

        then:
        thrown(HttpClientResponseException)
        calls == 2

        when:
        calls = 0
        session.call { calls++; throw new HttpClientResponseException('Forbidden', HttpResponse.status(HttpStatus.FORBIDDEN)) }

        then:
        thrown(HttpClientResponseException)
        calls == 1
    }

    def "outside a call no credential is left behind"() {
        given:
        def session = session(['at-1'])

        when:
        session.call { 'ok' }

        then:
        PropagatedContext.getOrEmpty().find(Credential).empty
    }

    private MicronautTokenSession session(List<String> accessTokens) {
        def issued = accessTokens.iterator()
        def refresher = { String refreshToken ->
            refreshed << refreshToken
            new TokenPair(issued.next(), 'rt-' + refreshed.size(), Instant.now().plusSeconds(3600))
        }
        new MicronautTokenSession(MicronautTokenSession.builder(refresher, store).initialRefreshToken('rt-0').build())
    }

    private static String bearer() {
        PropagatedContext.getOrEmpty().find(Credential).map { it.headers()['Authorization'] }.orElse(null)
    }

    private static HttpClientResponseException unauthorized() {
        new HttpClientResponseException('Unauthorized', HttpResponse.status(HttpStatus.UNAUTHORIZED))
    }
}
