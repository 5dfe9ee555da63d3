package rotor.server.engine

import rotor.server.dialect.dayzero.DayzeroDialect
import rotor.server.dialect.mielto.MieltoDialect
import rotor.server.dialect.oauth2.OAuth2Dialect
import rotor.server.dialect.onboard.OnboardDialect
import rotor.server.dialect.partner.PartnerDialect
import rotor.server.dialect.session.SessionDialect
import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.keys.AccessTokenMinter
import rotor.server.keys.MasterKey
import rotor.server.keys.RandomTokens
import rotor.server.keys.SecretHasher
import rotor.server.keys.StoredKeySignature
import rotor.server.support.InMemoryTokenStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK

/**
 * A refresh reads the presented token once: the format's check states the issue key the token is
 * stored under, and the engine looks it up there without asking the format again. For a session
 * JWT a second reading is a second parse on every refresh. The rotation succeeding shows the key
 * was used: a token minted with an issue key is stored only under it, so a lookup without it finds
 * nothing.
 */
class ARefreshReadsThePresentedTokenOnceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-12-06T21:00:00.123Z')

    def "#dialect: the lookup goes under the key check read, and the token is not read again"() {
        given:
        def counting = new CountingFormat(format)
        def engine = engineWith(dialect, counting)
        def first = engine.issue(new GrantRequest(dialect, 'alice', TenantForms.DEFAULT, null, dialect == Dialect.OAUTH2 ? 'client-1' : null), T0)

        when:
        def second = engine.refresh(RefreshRequest.of(dialect, null, first.refreshToken()), T0 + Duration.ofSeconds(1))

        then:
        second.status() == OK
        counting.checks == 1
        counting.issueKeyReads == 0

        where:
        dialect         | format
        Dialect.SESSION | sessionTokens()
        Dialect.OAUTH2  | new OpaqueRefreshTokens(new RandomTokens())
    }

    private TokenEngine engineWith(Dialect id, RefreshTokenFormat format) {
        def opaque = new OpaqueRefreshTokens(new RandomTokens())
        def others = [new DayzeroDialect(opaque), new OnboardDialect(opaque), new MieltoDialect(opaque), new PartnerDialect(opaque),
                      new OAuth2Dialect(opaque), new SessionDialect(sessionTokens())]
        def dialects = new Dialects(others.findAll { it.id() != id } + [new DefaultTenantDialect(id, format)])
        new TokenEngine(new InMemoryTokenStore(), dialects, new DialectPolicies(dialects, []), new RefreshTokenHashes(new SecretHasher(), dialects),
                Stub(AccessTokenMinter) { mint(*_) >> 'an-access-token' })
    }

    private SessionRefreshTokens sessionTokens() {
        new SessionRefreshTokens(Stub(StoredKeySignature), new MasterKey(Base64.encoder.encodeToString(new byte[32]), null), new RandomTokens())
    }

    /** The dialect under test with its format swapped for the counting one, and the default tenant only. */
    static class DefaultTenantDialect extends BaseTokenDialect {

        DefaultTenantDialect(Dialect id, RefreshTokenFormat format) {
            super(id, 'default only', format, DialectPolicy.standard(id.wireName()))
        }

        @Override
        Optional<String> tenant(String raw) {
            TenantForms.defaultOnly(raw)
        }
    }

    static class CountingFormat implements RefreshTokenFormat {

        final RefreshTokenFormat format
        int checks
        int issueKeyReads

        CountingFormat(RefreshTokenFormat format) {
            this.format = format
        }

        @Override
        String mint(NewToken token) {
            format.mint(token)
        }

        @Override
        Checked check(String presented, Instant now) {
            checks++
            format.check(presented, now)
        }

        @Override
        Optional<String> issueKey(String token) {
            issueKeyReads++
            format.issueKey(token)
        }

        @Override
        Optional<String> issueKeyOfMinted(String token, Instant issuedAt) {
            format.issueKeyOfMinted(token, issuedAt)
        }

        @Override
        boolean signed() {
            format.signed()
        }
    }
}
