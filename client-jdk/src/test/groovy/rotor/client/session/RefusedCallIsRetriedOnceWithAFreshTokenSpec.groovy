package rotor.client.session

import com.sun.net.httpserver.HttpServer
import rotor.client.session.store.InMemoryRefreshTokenStore
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.Callable
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

class RefusedCallIsRetriedOnceWithAFreshTokenSpec extends Specification {

    def refresher = new CountingRefresher()
    def session = TokenSession.builder(refresher, new InMemoryRefreshTokenStore()).initialRefreshToken('rt-0').build()

    def "a call refused with its token is made once more with a refreshed one"() {
        given:
        def used = []

        when:
        def answer = session.call { String token ->
            used << token
            if (token == 'at-1') throw new AccessTokenRejectedException('401')
            'done'
        }

        then:
        answer == 'done'
        used == ['at-1', 'at-2']
        refresher.calls.get() == 2
    }

    def "a second refusal reaches the caller: one refresh, one retry, no loop"() {
        given:
        def used = []

        when:
        session.call { String token -> used << token; throw new AccessTokenRejectedException('401') }

        then:
        thrown(AccessTokenRejectedException)
        used == ['at-1', 'at-2']
        refresher.calls.get() == 2
    }

    def "a failure that is not a refusal is not retried"() {
        when:
        session.call { String token -> throw new IOException('reset') }

        then:
        thrown(IOException)
        refresher.calls.get() == 1
    }

    def "what rejectedWhen matches counts as a refusal too"() {
        given:
        def session = TokenSession.builder(refresher, new InMemoryRefreshTokenStore()).initialRefreshToken('rt-0')
                .rejectedWhen { it instanceof IllegalStateException && it.message == '401' }.build()

        expect:
        session.call { String token -> if (token == 'at-1') throw new IllegalStateException('401'); token } == 'at-2'
    }

    def "20 callers refused with the same token cause one refresh"() {
        given:
        session.accessToken()
        def everyoneRefused = new CountDownLatch(20)
        def pool = Executors.newFixedThreadPool(20)
        def retried = new CopyOnWriteArrayList()

        when:
        def answers = (1..20).collect {
            pool.submit({
                session.call { String token ->
                    if (token == 'at-1') {
                        everyoneRefused.countDown()
                        assert everyoneRefused.await(10, TimeUnit.SECONDS)
                        throw new AccessTokenRejectedException('401')
                    }
                    retried << token
                    token
                }
            } as Callable)
        }

        then:
        answers.collect { it.get(10, TimeUnit.SECONDS) } as Set == ['at-2'] as Set
        retried.size() == 20
        refresher.calls.get() == 2

        cleanup:
        pool.shutdownNow()
    }

    def "send adds the Bearer token and resends once after a 401"() {
        given: 'a resource server that takes only at-2'
        def seen = new CopyOnWriteArrayList<String>()
        def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.createContext('/') { exchange ->
            def auth = exchange.requestHeaders.getFirst('Authorization')
            seen << auth
            def status = auth == 'Bearer at-2' ? 200 : 401
            exchange.sendResponseHeaders(status, -1)
            exchange.close()
        }
        server.start()
        def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:${server.address.port}/x"))
                .header('Authorization', 'Bearer stale').timeout(java.time.Duration.ofSeconds(5)).build()

        when:
        def response = session.send(HttpClient.newHttpClient(), request, HttpResponse.BodyHandlers.discarding())

        then:
        response.statusCode() == 200
        seen == ['Bearer at-1', 'Bearer at-2']

        cleanup:
        server?.stop(0)
    }
}
