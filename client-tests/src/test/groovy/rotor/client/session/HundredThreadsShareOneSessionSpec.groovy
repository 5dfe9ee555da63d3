package rotor.client.session

import com.nimbusds.jose.crypto.ECDSAVerifier
import com.nimbusds.jose.jwk.ECKey
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jwt.SignedJWT
import rotor.client.jdk.admin.model.Dialect
import rotor.client.jdk.admin.model.GrantStatus
import rotor.client.jdk.onboard.AuthOauthApi
import rotor.client.session.dialect.OnboardRefresher
import rotor.client.session.store.FileRefreshTokenStore
import rotor.client.support.Apis
import rotor.client.support.RotorServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong
import java.util.concurrent.locks.LockSupport

/**
 * The issue's load case: onboard access tokens live 1 s on this server; 100 threads share one
 * session for 30 s, each call checked the way a resource server would check the token.
 */
class HundredThreadsShareOneSessionSpec extends Specification {

    static final Duration RUN = Duration.ofSeconds(30)
    static final int THREADS = 100

    @TempDir
    Path dir

    def server = RotorServer.get()
    def admin = server.admin()
    /** Token to its verified claims: each token's signature is checked once, its expiry on every call. */
    def verified = new ConcurrentHashMap<String, Map>()

    def "100 threads, 30 s, 1-s tokens: no reuse detected, no failed call, about one refresh a second"() {
        given:
        assert RotorServer.ONBOARD_ACCESS_TOKEN_LIFETIME == '1s'
        def grant = admin.grant(Dialect.ONBOARD)
        def keys = JWKSet.load(new URL("${server.baseUrl}/.well-known/jwks.json"))
        def refreshes = new AtomicInteger()
        def listener = new SessionListener() {
            void refreshed(Instant at) { refreshes.incrementAndGet() }
        }
        def session = TokenSession.builder(new OnboardRefresher(Apis.jdk(AuthOauthApi, server.baseUrl)),
                new FileRefreshTokenStore(dir.resolve('onboard.token')))
                .initialRefreshToken(grant.refreshToken)
                .refreshAhead(Duration.ofMillis(50), Duration.ofMillis(50))
                .listener(listener)
                .build()
        def calls = new AtomicLong()
        def failures = new AtomicLong()
        def rejected = new AtomicLong()
        def firstFailure = Collections.synchronizedList([])
        def pool = Executors.newFixedThreadPool(THREADS)
        def end = System.nanoTime() + RUN.toNanos()

        when:
        def workers = (1..THREADS).collect {
            pool.submit {
                while (System.nanoTime() < end) {
                    try {
                        session.call { String token ->
                            if (!accepted(token, keys, grant.grantId.toString())) {
                                rejected.incrementAndGet()
                                throw new AccessTokenRejectedException('401')
                            }
                            token
                        }
                        calls.incrementAndGet()
                    } catch (Exception e) {
                        failures.incrementAndGet()
                        firstFailure << e
                    }
                    // Pacing, so that 100 callers load the session rather than the machine's 2 cores.
                    LockSupport.parkNanos(2_000_000)
                }
            }
        }
        workers.each { it.get(RUN.seconds + 30, TimeUnit.SECONDS) }
        def chain = admin.chain(grant.grantId)
        def status = admin.status(grant.grantId)
        println "HundredThreadsShareOneSession: ${calls.get()} calls by ${THREADS} threads in ${RUN.seconds} s, " +
                "${refreshes.get()} refreshes (server chain: ${chain.size()} tokens), ${rejected.get()} tokens refused, " +
                "${failures.get()} failed calls"

        then: 'no call failed'
        firstFailure.isEmpty()
        failures.get() == 0
        calls.get() > THREADS * 100

        and: 'the server saw one unbroken chain: no reuse, the grant alive, every token but the newest spent once'
        status.status == GrantStatus.ACTIVE
        status.revokedReason == null
        chain*.generation == (1..chain.size()).toList()
        chain.init().every { it.usedAt != null }
        chain.last().usedAt == null

        and: 'about one refresh per token lifetime, and each of them reached the server'
        refreshes.get() in 20..45
        chain.size() == refreshes.get() + 1

        cleanup:
        pool?.shutdownNow()
    }

    /**
     * What a resource server checks: rotor's signature, this grant, and the expiry. {@code exp} is a
     * NumericDate in whole seconds, so a token is good until the end of its exp second.
     */
    private boolean accepted(String token, JWKSet keys, String grantId) {
        def claims = verified.computeIfAbsent(token) {
            def jwt = SignedJWT.parse(token)
            def key = keys.getKeyByKeyId(jwt.header.keyID) as ECKey
            assert jwt.verify(new ECDSAVerifier(key)): 'the signature verifies with the published key set'
            jwt.JWTClaimsSet.claims
        }
        claims.gid == grantId && Instant.now().isBefore((claims.exp as Date).toInstant() + Duration.ofSeconds(1))
    }
}
