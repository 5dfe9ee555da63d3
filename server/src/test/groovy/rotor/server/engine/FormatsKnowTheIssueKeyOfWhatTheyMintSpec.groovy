package rotor.server.engine

import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.keys.MasterKey
import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import rotor.server.keys.StoredKeySignature
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * A token just minted is stored under the issue key its format states for it: the session format
 * knows it from the issue time, without parsing the JWT it has just signed; the opaque format reads
 * it back, which costs a few characters' decoding. A presented token is looked up under the key
 * read back from it, or stated by the format's check of it ({@link RefreshTokenFormat#check}): all
 * must agree to the millisecond, or no rotated token would ever be found again.
 */
class FormatsKnowTheIssueKeyOfWhatTheyMintSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-12-04T05:00:00.123Z')

    def "#name: the key a minted token is stored under is the key read back from it, at #at"() {
        given:
        def hashes = new RefreshTokenHashes(new SecretHasher(), [format])
        def token = format.mint(new RefreshTokenFormat.NewToken('alice', at, at + Duration.ofDays(1)))

        expect:
        format.issueKeyOfMinted(token, at) == format.issueKey(token)
        format.check(token, at) == new RefreshTokenFormat.Checked(RefreshTokenFormat.Form.WELL_FORMED, format.issueKey(token))
        hashes.lookups(token).first() == hashes.stored(format, token, at)

        where:
        [format, at] << [formats(), [T0, T0 + Duration.ofMillis(1), T0 + Duration.ofMillis(255), T0 + Duration.ofMillis(256),
                                     Instant.EPOCH, Instant.parse('9000-01-01T00:00:00.999Z')]].combinations()
        name = format.getClass().simpleName
    }

    private static List<RefreshTokenFormat> formats() {
        // The session format's legacy signature verifies tokens signed before HS256; minting never asks it.
        StoredKeySignature noLegacyTokens = null
        [new OpaqueRefreshTokens(new RandomTokens()),
         new SessionRefreshTokens(noLegacyTokens, new MasterKey(Base64.encoder.encodeToString(new byte[32]), null), new RandomTokens())]
    }
}
