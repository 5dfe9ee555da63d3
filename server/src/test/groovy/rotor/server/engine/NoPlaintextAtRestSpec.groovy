package rotor.server.engine

import rotor.server.support.Store
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Reads every column of every table after some traffic: no token that was handed out is in there. */
class NoPlaintextAtRestSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "no refresh token or access token is stored in plaintext, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def handedOut = []
        Dialect.values().each { dialect ->
            def tenant = dialect == Dialect.DAYZERO ? UUID.randomUUID().toString() : dialect == Dialect.PARTNER ? '99' : dialect == Dialect.MIELTO ? 'ws_scan' : null
            def issued = engine.issue(new GrantRequest(dialect, "scan-${dialect}", tenant, 'read', dialect == Dialect.OAUTH2 ? 'client-scan' : null), T0)
            def next = engine.refresh(new RefreshRequest(dialect, tenant, issued.refreshToken(), null, null), T0 + Duration.ofMinutes(1))
            handedOut += [issued.refreshToken(), issued.accessToken(), next.tokens().refreshToken(), next.tokens().accessToken()]
        }
        // The secret part of each: an opaque token's random body, a JWT's signature.
        def secrets = handedOut.collectMany { [it, it.startsWith('rtr_') ? it.substring(4) : it.tokenize('.').last()] }

        when:
        def cells = store.sql {
            def tables = rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'TABLE')")*.table_name
            assert tables.containsAll(['token_grant', 'refresh_token', 'signing_key', 'audit_event'])
            tables.collectMany { table -> rows("SELECT * FROM ${table}".toString()).collectMany { row -> row.values().findAll { it != null }*.toString() } }
        }

        then:
        cells.size() > 100
        secrets.every { secret -> cells.every { !it.contains(secret) } }

        where:
        store << Store.all()
    }
}
