package rotor.client.session

import rotor.client.jdk.mielto.OAuthApi
import rotor.client.session.dialect.MieltoConnection
import rotor.client.support.Apis
import rotor.client.support.RotorServer
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

class MieltoConnectionKeptFreshSpec extends Specification {

    def server = RotorServer.get()
    def admin = server.admin()
    def refreshes = new AtomicInteger()
    def listener = new SessionListener() {
        void refreshed(Instant at) { refreshes.incrementAndGet() }
    }

    def "20 callers get the connection refreshed once, and it is not refreshed again before it is due"() {
        given:
        def workspace = "ws-${UUID.randomUUID()}"
        def key = admin.apiKey(workspace)
        def connection = new MieltoConnection(Apis.jdk(OAuthApi, server.baseUrl), admin.connection(server.baseUrl, workspace),
                { key }, RefreshSchedule.DEFAULT, RetryPolicy.DEFAULT, listener)
        def pool = Executors.newFixedThreadPool(20)

        when:
        def answers = (1..20).collect { pool.submit({ connection.ensureFresh() } as Callable) }.collect { it.get(30, TimeUnit.SECONDS) }

        then:
        answers.toSet().size() == 1
        answers[0] > Instant.now() + Duration.ofMinutes(30)
        refreshes.get() == 1

        expect:
        connection.ensureFresh() == answers[0]
        refreshes.get() == 1

        cleanup:
        pool?.shutdownNow()
    }

    def "a connection that is gone is a GrantGoneException: the user has to re-authorize"() {
        given:
        def workspace = "ws-${UUID.randomUUID()}"
        def key = admin.apiKey(workspace)
        def id = admin.connection(server.baseUrl, workspace)
        admin.deleteConnection(id)

        when:
        new MieltoConnection(Apis.jdk(OAuthApi, server.baseUrl), id, { key }).ensureFresh()

        then:
        def e = thrown(GrantGoneException)
        e.answer() == 'Connection not found'
    }
}
