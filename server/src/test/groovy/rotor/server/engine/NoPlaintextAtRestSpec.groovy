package rotor.server.engine

import rotor.server.clients.OAuthClients
import rotor.server.connections.ApiKeys
import rotor.server.connections.ConnectionRefresher
import rotor.server.connections.Connections
import rotor.server.support.Store
import rotor.testing.UpstreamStub
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * Reads every column of every table after some traffic: no token that was handed out, no API key
 * or client secret, and no upstream secret (as registered, or as refreshed) is in there.
 */
class NoPlaintextAtRestSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')

    def "no token, key, client secret or upstream secret is stored in plaintext, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def handedOut = []
        Dialect.values().each { dialect ->
            def tenant = dialect == Dialect.DAYZERO ? UUID.randomUUID().toString() : dialect == Dialect.PARTNER ? '99' : dialect == Dialect.MIELTO ? 'ws_scan' : null
            def issued = engine.issue(new GrantRequest(dialect, "scan-${dialect}", tenant, 'read', dialect == Dialect.OAUTH2 ? 'client-scan' : null), T0)
            def next = engine.refresh(new RefreshRequest(dialect, tenant, issued.refreshToken(), null, null), T0 + Duration.ofMinutes(1))
            handedOut += [issued.refreshToken(), issued.accessToken(), next.tokens().refreshToken(), next.tokens().accessToken()]
        }
        handedOut << store.bean(ApiKeys).create('ws_scan', T0).key()
        handedOut << store.bean(OAuthClients).register('scan', null, T0).secret()
        def upstream = new UpstreamStub()
        upstream.issues('upstream-access-token-rotated-' + UUID.randomUUID(), 'upstream-refresh-token-rotated-' + UUID.randomUUID())
        def connection = store.bean(Connections).create(new Connections.NewConnection('ws_scan', URI.create(upstream.tokenUrl), 'scan-client',
                'upstream-client-secret-' + UUID.randomUUID(), 'upstream-refresh-token-' + UUID.randomUUID(), 'upstream-access-token-' + UUID.randomUUID(),
                null, Connections.ClientAuthMethod.CLIENT_SECRET_BASIC), T0)
        assert store.bean(ConnectionRefresher).refresh(connection.id(), 'ws_scan', Instant.now()).status() == ConnectionRefresher.Status.REFRESHED
        def sent = upstream.received.first()
        handedOut += [sent.form.refresh_token, new String(sent.authorization.substring(6).decodeBase64()).split(':')[1]]
        handedOut += upstream.issued()
        upstream.close()
        // The secret part of each: an opaque token's random body, a JWT's signature.
        def secrets = handedOut.collectMany { [it, it.startsWith('rtr_') || it.startsWith('mk_') || it.startsWith('cs_') ? it.substring(it.indexOf('_') + 1) : it.tokenize('.').last()] }

        when:
        def cells = store.sql {
            def tables = rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'TABLE')")*.table_name
            assert tables.containsAll(['token_grant', 'refresh_token', 'signing_key', 'audit_event', 'oauth_client', 'api_key', 'upstream_connection'])
            tables.collectMany { table -> rows("SELECT * FROM ${table}".toString()).collectMany { row -> row.values().findAll { it != null }*.toString() } }
        }

        then:
        cells.size() > 100
        secrets.every { secret -> cells.every { !it.contains(secret) } }

        where:
        store << Store.all()
    }
}
