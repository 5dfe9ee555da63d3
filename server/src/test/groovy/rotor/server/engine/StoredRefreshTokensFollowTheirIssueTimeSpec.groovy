package rotor.server.engine

import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * A refresh token carries its issue time in its first 48 bits, and is stored under that time
 * followed by its SHA-256: so the tokens of one commit sit together in the store's index rather
 * than in a random page each. Nothing of the token itself is stored, and the token keeps its shape.
 */
class StoredRefreshTokensFollowTheirIssueTimeSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-12-03T20:00:00.123Z')

    def format = new OpaqueRefreshTokens(new RandomTokens())
    def hasher = new SecretHasher()
    def hashes = new RefreshTokenHashes(hasher, [format])

    private String mintedAt(Instant at) {
        format.mint(new RefreshTokenFormat.NewToken('alice', at, at + Duration.ofDays(1)))
    }

    def "tokens issued later are stored under keys that sort later"() {
        given:
        def times = (0..<200).collect { T0 + Duration.ofMillis(it * 7L) } + [T0 + Duration.ofDays(400)]

        when:
        def stored = times.collect { hashes.stored(format, mintedAt(it), it) }

        then:
        stored == stored.toSorted()
        stored.toSet().size() == times.size()
    }

    def "the stored form is the issue time in hex followed by the token's SHA-256, nothing of the token itself"() {
        when:
        def token = mintedAt(T0)
        def stored = hashes.stored(format, token, T0)

        then:
        stored == String.format('%012x', T0.toEpochMilli()) + hasher.hash(token)
        stored.length() <= 64 // refresh_token.token_hash is VARCHAR(64)
        !stored.contains(token.substring(4, 12))
    }

    def "the token keeps its shape, and tokens of one millisecond differ"() {
        when:
        def tokens = (1..50).collect { mintedAt(T0) }

        then:
        tokens.every { it ==~ /rtr_[A-Za-z0-9_-]{43}/ && format.check(it, T0).form() == RefreshTokenFormat.Form.WELL_FORMED }
        tokens.toSet().size() == 50
    }

    def "a presented token is looked up under the keyed form first, then under its bare hash as tokens were stored before"() {
        when:
        def token = mintedAt(T0)

        then:
        hashes.lookups(token) == [hashes.stored(format, token, T0), hasher.hash(token)]
    }

    def "a value of no format's shape is looked up under its bare hash"() {
        expect:
        hashes.lookups(value) == [hasher.hash(value)]

        where:
        value << ['not-a-token', 'rtr_short', 'eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl']
    }
}
