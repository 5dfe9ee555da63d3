package rotor.server.dialect.session

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.jwk.Curve
import com.nimbusds.jose.jwk.gen.ECKeyGenerator
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import rotor.server.engine.RefreshTokenFormat.Form
import rotor.server.engine.RefreshTokenFormat.NewToken
import rotor.server.keys.MasterKey
import rotor.server.keys.RandomTokens
import rotor.server.keys.StoredKeySignature
import spock.lang.Specification

import java.time.Instant

/**
 * Session refresh JWTs are signed HS256 with a key derived from the master key (rotor is their
 * only verifier; the seed's examples are HS256 too), so a session refresh costs one asymmetric
 * signature, the access token's. Those signed ES256 before still verify with the signing keys.
 */
class SessionRefreshTokensSignHs256Spec extends Specification {

    static final Instant NOW = Instant.parse('2026-11-22T10:00:00Z')

    def legacy = Mock(StoredKeySignature)
    def tokens = new SessionRefreshTokens(legacy, masterKey(1), new RandomTokens())

    def "a new token is an HS256 JWT typed refresh+jwt that checks as well formed without the signing keys"() {
        when:
        def minted = tokens.mint(new NewToken('alice', NOW, NOW.plusSeconds(3600)))
        def header = SignedJWT.parse(minted).header

        then:
        header.algorithm == JWSAlgorithm.HS256
        header.type.type == 'refresh+jwt'
        tokens.check(minted, NOW.plusSeconds(1)).form() == Form.WELL_FORMED
        0 * legacy._
    }

    def "one signed under another master key is rejected"() {
        given:
        def foreign = new SessionRefreshTokens(Stub(StoredKeySignature), masterKey(2), new RandomTokens()).mint(new NewToken('alice', NOW, NOW.plusSeconds(3600)))

        expect:
        tokens.check(foreign, NOW.plusSeconds(1)).form() == Form.REJECTED
    }

    def "one signed ES256 before is verified by the signing keys, as it was"() {
        given:
        def key = new ECKeyGenerator(Curve.P_256).keyID('k1').generate()
        def claims = new JWTClaimsSet.Builder().claim('token_type', 'refresh').subject('alice')
                .expirationTime(Date.from(NOW.plusSeconds(3600))).notBeforeTime(Date.from(NOW)).build()
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID('k1').type(new JOSEObjectType('refresh+jwt')).build(), claims)
        jwt.sign(new ECDSASigner(key))

        when:
        def form = tokens.check(jwt.serialize(), NOW.plusSeconds(1)).form()

        then:
        1 * legacy.verify(_, StoredKeySignature.REFRESH_TOKEN) >> verifies
        form == expected

        where:
        verifies | expected
        true     | Form.WELL_FORMED
        false    | Form.REJECTED
    }

    private static MasterKey masterKey(int fill) {
        def bytes = new byte[32]
        Arrays.fill(bytes, (byte) fill)
        new MasterKey(Base64.encoder.encodeToString(bytes), null)
    }
}
