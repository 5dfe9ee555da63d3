package rotor.server.keys

import com.nimbusds.jose.jwk.JWK
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Provider
import rotor.server.engine.DialectPolicies
import rotor.server.store.DurableCommits
import rotor.server.store.SigningKeyRepository
import rotor.server.support.MutableClock
import rotor.server.support.Store
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/**
 * Two instances sharing one store (two SigningKeys over one database, on a clock the spec moves):
 * a rotation is published at once and signs one refresh interval later on both; a retired key
 * verifies until the last token it signed has expired (session's refresh JWTs: 30 days), then is
 * neither published nor verified; a scheduled rotation decided by both at once rotates once.
 */
class SigningKeyLifecycleSpec extends Specification {

    static final Duration INTERVAL = Duration.ofSeconds(60)

    @TempDir
    Path dir

    @AutoCleanup
    ApplicationContext context

    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS) + Duration.ofDays(400))

    def setup() {
        context = Store.h2Context(dir)
    }

    def "a rotation is published at once and signs one refresh interval later, on every instance"() {
        given:
        def a = instance()
        def b = instance()
        def old = a.signingKey().keyID

        when:
        def rotation = a.rotate()
        b.reload() // what KeySchedule does, twice per interval

        then: "both publish and verify the new key before it signs"
        rotation.activatesAt() == clock.now + INTERVAL
        [a, b].every { it.publishable()*.keyID.containsAll([old, rotation.kid()]) }
        [a, b].every { it.publicKey(rotation.kid()).present }
        [a, b].every { it.signingKey().keyID == old }

        when:
        clock.advance(INTERVAL)

        then: "both sign with it, without reading the store again"
        [a, b].every { it.signingKey().keyID == rotation.kid() }
        [a, b].every { it.publicKey(old).present }
    }

    def "a retired key verifies until session's refresh JWTs it signed have expired, then is gone"() {
        given:
        def a = instance()
        def old = a.signingKey().keyID
        def rotation = a.rotate()

        when:
        clock.advance(INTERVAL + Duration.ofDays(30) - Duration.ofSeconds(1))

        then:
        a.publicKey(old).present
        old in a.publishable()*.keyID

        when: "without a reload, the key in memory stops verifying on time"
        clock.advance(Duration.ofSeconds(1))

        then:
        !a.publicKey(old).present
        !(old in a.publishable()*.keyID)
        a.publicKey(rotation.kid()).present

        and: "a fresh instance does not load it at all"
        !instance().publicKey(old).present
    }

    def "two instances whose schedule rotates at the same moment rotate once"() {
        given:
        def a = instance()
        def b = instance()
        clock.advance(Duration.ofDays(8))
        def go = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(2)

        when:
        def futures = [a, b].collect { keys ->
            pool.submit({ go.await(); keys.rotateIfOlderThan(Duration.ofDays(7)) } as Callable)
        }
        go.countDown()
        def rotations = futures*.get()

        then:
        rotations.count { it.present } == 1
        context.getBean(SigningKeyRepository).findAll().count { it.retiredAt() == null } == 1

        cleanup:
        pool?.shutdownNow()
    }

    def "an unknown kid, the key set and signing cost no query once the keys are loaded"() {
        given:
        def counting = new CountingRepository(context.getBean(SigningKeyRepository))
        def keys = instance(counting.proxy())
        keys.signingKey()
        def before = counting.calls

        when:
        100.times { keys.publicKey("forged-${it}") }
        keys.publishable()
        keys.signingKey()

        then:
        counting.calls == before
    }

    private SigningKeys instance(SigningKeyRepository repository = context.getBean(SigningKeyRepository)) {
        def policies = context.getBean(DialectPolicies)
        def keys = new SigningKeys(repository, context.getBean(SecretSealer), { -> policies } as Provider<DialectPolicies>,
                context.getBean(TransactionOperations), context.getBean(DurableCommits), 'ES256', INTERVAL, clock)
        keys.start()
        keys
    }

    /** Counts every call on the repository, passing each through. */
    static class CountingRepository {
        final SigningKeyRepository target
        volatile int calls

        CountingRepository(SigningKeyRepository target) {
            this.target = target
        }

        SigningKeyRepository proxy() {
            java.lang.reflect.Proxy.newProxyInstance(SigningKeyRepository.classLoader, [SigningKeyRepository] as Class[]) { p, m, args ->
                calls++
                m.invoke(target, args)
            } as SigningKeyRepository
        }
    }
}
