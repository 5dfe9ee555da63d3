package rotor.server.keys

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.jwk.Curve
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.gen.ECKeyGenerator
import com.nimbusds.jose.jwk.source.ImmutableJWKSet
import com.nimbusds.jose.proc.BadJOSEException
import com.nimbusds.jose.proc.JWSVerificationKeySelector
import com.nimbusds.jose.proc.SecurityContext
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import com.nimbusds.jwt.proc.DefaultJWTProcessor
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.annotation.MockBean
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.MutableClock
import jakarta.inject.Inject
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import spock.lang.Specification

import java.time.Clock
import java.time.Instant

/**
 * Access tokens verify with an independent library (Nimbus) against the key set the server
 * publishes over HTTP, before and after a key rotation that needs no restart.
 */
@MicronautTest(transactional = false) // the server thread must see what the spec issued
class AccessTokensVerifyAgainstJwksSpec extends Specification {

    @Inject
    TokenEngine engine

    @Inject
    SigningKeys keys

    static final MutableClock clock = new MutableClock(Instant.now())

    /** The server's clock, moved by the spec past a new key's activation. */
    @MockBean(Clock)
    Clock clock() {
        clock
    }

    /**
     * The server, not a client of it: the clock above makes this spec a bean that the start
     * builds, before the server has its random port for a @Client('/') to resolve.
     */
    @Inject
    EmbeddedServer server

    def "tokens signed before and after a rotation both verify against the published key set"() {
        given:
        def before = engine.issue(new GrantRequest(Dialect.ONBOARD, 'alice', null, 'read', null), Instant.now())

        when:
        def publishedBefore = jwks()
        def claimsBefore = verify(before.accessToken(), publishedBefore)

        then:
        claimsBefore.subject == 'alice'
        claimsBefore.getClaim('tid') == 'default'
        claimsBefore.getClaim('gid') == before.grantId().toString()
        publishedBefore.keys.every { !it.private }

        when: "a rotation, and one refresh interval later"
        def rotation = keys.rotate()
        def publishedAtRotation = jwks()
        clock.advance(keys.refreshInterval())
        def newKid = rotation.kid()
        def after = engine.issue(new GrantRequest(Dialect.ONBOARD, 'bob', null, 'read', null), Instant.now())
        def publishedAfter = jwks()

        then:
        publishedAtRotation.getKeyByKeyId(newKid) != null
        SignedJWT.parse(after.accessToken()).header.keyID == newKid
        SignedJWT.parse(before.accessToken()).header.keyID != newKid
        publishedAfter.getKeyByKeyId(newKid) != null
        publishedAfter.getKeyByKeyId(SignedJWT.parse(before.accessToken()).header.keyID) != null
        verify(after.accessToken(), publishedAfter).subject == 'bob'
        verify(before.accessToken(), publishedAfter).subject == 'alice'
    }

    def "a token signed by another key under a published kid does not verify"() {
        given:
        def genuine = engine.issue(new GrantRequest(Dialect.ONBOARD, 'alice', null, null, null), Instant.now())
        def kid = SignedJWT.parse(genuine.accessToken()).header.keyID
        def impostor = new ECKeyGenerator(Curve.P_256).keyID(kid).generate()
        def forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(),
                SignedJWT.parse(genuine.accessToken()).JWTClaimsSet)
        forged.sign(new ECDSASigner(impostor))

        when:
        verify(forged.serialize(), jwks())

        then:
        thrown(BadJOSEException)
    }

    private JWKSet jwks() {
        HttpClient.create(server.URL).withCloseable { JWKSet.parse(it.toBlocking().retrieve('/.well-known/jwks.json')) }
    }

    private static JWTClaimsSet verify(String token, JWKSet published) {
        def processor = new DefaultJWTProcessor<SecurityContext>()
        processor.JWSTypeVerifier = new DefaultJOSEObjectTypeVerifier<SecurityContext>(new JOSEObjectType('at+jwt'))
        processor.JWSKeySelector = new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.ES256, new ImmutableJWKSet<SecurityContext>(published))
        processor.process(token, null)
    }
}
