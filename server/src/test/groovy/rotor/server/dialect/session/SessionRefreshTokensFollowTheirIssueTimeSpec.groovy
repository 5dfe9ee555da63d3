package rotor.server.dialect.session

import com.nimbusds.jwt.SignedJWT
import rotor.server.engine.RefreshTokenFormat.Form
import rotor.server.engine.RefreshTokenFormat.NewToken
import rotor.server.engine.RefreshTokenHashes
import rotor.server.keys.MasterKey
import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import rotor.server.keys.StoredKeySignature
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * A session refresh JWT carries its issue time, to the millisecond, in the first 48 bits of its
 * state_hash, and is stored under that time followed by its SHA-256, as the opaque tokens are: so
 * the tokens of one commit share the store index's newest pages. nbf is no use for this: it counts
 * whole seconds, and a second's thousands of tokens would land on random pages of its range.
 */
class SessionRefreshTokensFollowTheirIssueTimeSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-12-04T05:00:00.123Z')

    def hasher = new SecretHasher()
    def format = new SessionRefreshTokens(Stub(StoredKeySignature), new MasterKey(Base64.encoder.encodeToString(new byte[32]), null), new RandomTokens())
    def hashes = new RefreshTokenHashes(hasher, [format])

    private String mintedAt(Instant at) {
        format.mint(new NewToken('alice', at, at + Duration.ofDays(1)))
    }

    private static byte[] stateOf(String jwt) {
        Base64.decoder.decode(SignedJWT.parse(jwt).JWTClaimsSet.getStringClaim('state_hash'))
    }

    def "tokens issued later are stored under keys that sort later, a millisecond apart included"() {
        given:
        def times = (0..<200).collect { T0 + Duration.ofMillis(it) } + [T0 + Duration.ofDays(400)]

        when:
        def stored = times.collect { hashes.stored(format, mintedAt(it), it) }

        then:
        stored == stored.toSorted()
        stored.toSet().size() == times.size()
    }

    def "the stored form is the issue time in hex followed by the token's SHA-256"() {
        when:
        def token = mintedAt(T0)

        then:
        hashes.stored(format, token, T0) == String.format('%012x', T0.toEpochMilli()) + hasher.hash(token)
        hashes.stored(format, token, T0).length() <= 64 // refresh_token.token_hash is VARCHAR(64)
    }

    def "state_hash stays 256 bits, of which all but the 48 of the time are random"() {
        when:
        def states = (1..50).collect { stateOf(mintedAt(T0)) }

        then:
        states.every { it.length == 32 }
        states.collect { it[0..5] }.toSet().size() == 1
        states.collect { it[6..31] }.toSet().size() == 50
        format.check(mintedAt(T0), T0).form() == Form.WELL_FORMED
    }

    def "a presented token is looked up under the keyed form first, then under its bare hash as tokens were stored before"() {
        when:
        def token = mintedAt(T0)

        then:
        hashes.lookups(token) == [hashes.stored(format, token, T0), hasher.hash(token)]
    }

    def "a JWT without a usable state_hash, or not a JWT, is looked up under its bare hash and never throws"() {
        expect:
        hashes.lookups(value) == [hasher.hash(value)]

        where:
        value << [
                'eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl',                       // no state_hash
                'eyJhbGciOiJIUzI1NiJ9.' + b64('{"state_hash":"%%%"}') + '.c2ln',                          // not base64
                'eyJhbGciOiJIUzI1NiJ9.' + b64('{"state_hash":"AAAA"}') + '.c2ln',                         // too short
                'eyJhbGciOiJIUzI1NiJ9.' + b64('{"state_hash":42}') + '.c2ln',                             // not a string
                b64('{"alg":"dir","enc":"A128GCM"}') + '.' + '.AAAA.AAAA.AAAA',                            // encrypted
                'a.b.c', '...', 'eyJ.eyJ.', 'not-a-token']
    }

    private static String b64(String json) {
        Base64.urlEncoder.withoutPadding().encodeToString(json.bytes)
    }
}
