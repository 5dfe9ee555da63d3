package rotor.server.keys

import com.nimbusds.jose.jwk.gen.ECKeyGenerator
import com.nimbusds.jose.jwk.Curve
import com.nimbusds.jwt.SignedJWT
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.store.SigningKeyRecord
import rotor.server.store.SigningKeyRepository
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

class SigningKeyPublicationSpec extends Specification {

    @TempDir
    Path dir

    def "a retired key is published until the last token it signed expires, and not after, on #store"() {
        given:
        def keys = store.bean(SigningKeys)
        def repository = store.bean(SigningKeyRepository)
        def now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def recent = retiredKey(now - Duration.ofHours(23), now + Duration.ofHours(1))
        def old = retiredKey(now - Duration.ofHours(25), now - Duration.ofHours(1))
        repository.save(recent)
        repository.save(old)

        when: "the next reload, which every instance does on a schedule"
        keys.reload()
        def published = keys.publishable()*.keyID

        then:
        recent.kid() in published
        !(old.kid() in published)
        !keys.publicKey(old.kid()).present

        where:
        store << Store.all()
    }

    def "with rotor.keys.algorithm RS256 access tokens are RS256 and their key is published"() {
        given:
        def context = Store.h2Context(dir, ['rotor.keys.algorithm': 'RS256'])

        when:
        def issued = context.getBean(TokenEngine).issue(new GrantRequest(Dialect.ONBOARD, 'rsa', null, null, null), Instant.now())
        def jwt = SignedJWT.parse(issued.accessToken())
        def published = context.getBean(SigningKeys).publicKey(jwt.header.keyID)

        then:
        jwt.header.algorithm.name == 'RS256'
        published.present
        published.get().keyType.value == 'RSA'
        context.getBean(StoredKeySignature).verify(jwt)

        cleanup:
        context?.close()
    }

    private static SigningKeyRecord retiredKey(Instant retiredAt, Instant verifyUntil) {
        def key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate()
        def created = retiredAt - Duration.ofDays(1)
        new SigningKeyRecord(key.keyID, 'ES256', key.toPublicJWK().toJSONString(), 'unused-in-this-spec', created, created,
                retiredAt, verifyUntil)
    }
}
