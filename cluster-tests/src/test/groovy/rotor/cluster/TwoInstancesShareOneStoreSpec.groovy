package rotor.cluster

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.file.Path
import java.security.SecureRandom
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Two packaged rotor processes on one PostgreSQL, as a deployment behind a load balancer runs
 * them. onboard retries inside a 30 s grace period here (a response lost to a crash is retried),
 * dayzero has none; keys are re-read every second (refresh interval 2 s).
 */
@Stepwise
class TwoInstancesShareOneStoreSpec extends Specification {

    static final Map<String, String> PROPERTIES = ['rotor.dialects.onboard.grace-period': '30s', 'rotor.keys.refresh-interval': '2s']

    @Shared @TempDir Path dir
    @Shared EmbeddedPostgres postgres
    @Shared int pgPort
    @Shared String masterKey = Base64.encoder.encodeToString(new byte[32].tap { new SecureRandom().nextBytes(it) })
    @Shared RotorProcess a
    @Shared RotorProcess b
    @Shared pool = Executors.newFixedThreadPool(16)

    def setupSpec() {
        postgres = startPostgres(0)
        pgPort = postgres.port
        a = RotorProcess.start(jdbcUrl(), masterKey, dir.resolve('a'), PROPERTIES)
        b = RotorProcess.start(jdbcUrl(), masterKey, dir.resolve('b'), PROPERTIES)
    }

    def cleanupSpec() {
        pool.shutdownNow()
        a?.close()
        b?.close()
        postgres?.close()
    }

    def "a token issued on one instance refreshes on the other"() {
        when:
        def first = Calls.refresh(b, Calls.issue(a, 'alice'))
        def second = Calls.refresh(a, first.refreshToken)

        then:
        first.status == 200
        second.status == 200
    }

    def "16 concurrent refreshes of one token, 8 on each instance, rotate it exactly once (20 rounds)"() {
        given:
        def business = UUID.randomUUID().toString()

        expect:
        (1..20).every {
            def token = Calls.issueDayzero(a, "race-${it}", business)
            def go = new CountDownLatch(1)
            def futures = (0..<16).collect { i ->
                pool.submit({ go.await(); Calls.refreshDayzero(i % 2 == 0 ? a : b, token, business).status } as Callable<Integer>)
            }
            go.countDown()
            def statuses = futures*.get()
            statuses.count { it == 200 } == 1 && statuses.every { it in [200, 401] }
        }
    }

    def "a key rotated on one instance is published by the other within the refresh interval and signs there from signs_from"() {
        when:
        def rotation = Calls.rotateKey(a)
        def signsFrom = Instant.parse(rotation.signs_from as String)

        then: "the other publishes it within one refresh interval (2 s), before it signs"
        eventually(Duration.ofSeconds(2)) { rotation.kid in Calls.publishedKids(b) }
        Instant.now().isBefore(signsFrom)

        and: "from signs_from on, the other signs with it"
        eventually(Duration.between(Instant.now(), signsFrom) + Duration.ofSeconds(2)) {
            Instant.now().isAfter(signsFrom) && Calls.kidOf(Calls.refresh(b, Calls.issue(b, 'kid-check')).accessToken) == rotation.kid
        }
    }

    def "a database restart under load: only 200 or onboard's 500, nothing hangs, service resumes without restarting rotor"() {
        given:
        def chains = (0..<8).collect { Calls.issue(it % 2 == 0 ? a : b, "db-${it}") }
        def stop = new AtomicBoolean()
        def statuses = Collections.synchronizedList([])
        def load = (0..<8).collect { c ->
            pool.submit({
                while (!stop.get()) {
                    def answer = Calls.refresh(c % 2 == 0 ? a : b, chains[c]) // throws on a hang (20 s timeout)
                    statuses << answer.status
                    if (answer.status == 200) {
                        chains[c] = answer.refreshToken
                    }
                }
            } as Callable)
        }

        when:
        Thread.sleep(500) // let the load run before the outage: timing of the fault, not synchronisation
        postgres.close()
        Thread.sleep(3000)
        postgres = startPostgres(pgPort)
        def resumed = eventually(Duration.ofSeconds(30)) { statuses.size() > 0 && statuses[-1] == 200 }
        stop.set(true)
        load*.get()

        then:
        resumed
        statuses.every { it in [200, 500] }
        statuses.count { it == 500 } > 0

        and: "every chain's newest acknowledged token still refreshes"
        (0..<8).every { Calls.refresh(it % 2 == 0 ? b : a, chains[it]).status == 200 }
    }

    def "kill -9 of one instance under load loses no acknowledged token"() {
        given:
        def chains = (0..<8).collect { Calls.issue(a, "kill-${it}") }
        def started = new CountDownLatch(8)
        def load = (0..<8).collect { c ->
            pool.submit({
                def first = true
                try {
                    while (true) {
                        def answer = Calls.refresh(a, chains[c])
                        if (answer.status == 200) {
                            chains[c] = answer.refreshToken
                        }
                        if (first) {
                            started.countDown()
                            first = false
                        }
                    }
                } catch (IOException killed) {
                    // the instance is gone: this chain's last request may or may not have committed
                }
            } as Callable)
        }

        when:
        started.await()
        a.kill()
        load*.get()

        then: "the other instance refreshes every chain's newest acknowledged token (a lost response is retried in the grace period)"
        (0..<8).every { Calls.refresh(b, chains[it]).status == 200 }
    }

    private EmbeddedPostgres startPostgres(int port) {
        EmbeddedPostgres.builder().setDataDirectory(dir.resolve('pg')).setCleanDataDirectory(false).setPort(port).start()
    }

    private String jdbcUrl() {
        "jdbc:postgresql://localhost:${pgPort}/postgres"
    }

    /** Polls a condition until it holds or the time is up: the other process's state is not ours to signal. */
    private static boolean eventually(Duration within, Closure<Boolean> condition) {
        def deadline = Instant.now() + within
        while (!condition()) {
            if (Instant.now().isAfter(deadline)) {
                return false
            }
            Thread.sleep(100)
        }
        true
    }
}
