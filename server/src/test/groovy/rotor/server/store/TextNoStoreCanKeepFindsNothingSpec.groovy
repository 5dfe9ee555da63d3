package rotor.server.store

import rotor.server.clients.OAuthClients
import rotor.server.connections.Connections
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.grants.GrantRevocations
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Instant

/**
 * PostgreSQL's text holds no NUL character, and its UTF-8 no unpaired surrogate (the driver sent
 * "?" for one). So no row holds such a text, and a lookup by one finds nothing, on every store:
 * on PostgreSQL it was an error, so an unauthenticated client_id of "a%00b" was a 500.
 */
class TextNoStoreCanKeepFindsNothingSpec extends Specification {

    def "#what by '#shown' finds nothing on #store"() {
        expect:
        lookup(store, text) == nothing

        where:
        [store, what, shown, text] << [Store.all(), [
                ['a client', 'a\\u0000b', 'a\u0000b'],
                ['a client', 'a\\ud800b', 'a\ud800b'],
                ['a connection', 'conn\\u0000', 'conn\u0000'],
                ['a subject', 'a\\u0000b', 'a\u0000b'],
                ['a subject', 'a\\udc00', 'a\udc00'],
                ['a subject', 'a\\ud83d', 'a\ud83d'],
        ]].combinations().collect { s, row -> [s] + row }
        lookup = LOOKUPS[what]
        nothing = NOTHING[what]
    }

    static final Map<String, Closure> LOOKUPS = [
            'a client'    : { Store store, String text ->
                def clients = store.bean(OAuthClients)
                [clients.find(text), clients.authenticate(text, 'secret'), clients.delete(text, Instant.now())] },
            'a connection': { Store store, String text ->
                def connections = store.bean(Connections)
                [connections.find(text), connections.delete(text)] },
            'a subject'   : { Store store, String text ->
                // A live grant of the subject PostgreSQL's driver would have sent instead ("a?b"), which must stay live.
                def tenant = UUID.randomUUID().toString()
                store.bean(TokenEngine).issue(new GrantRequest(Dialect.DAYZERO, text.replaceAll(/[\u0000\ud800-\udfff]/, '?'), tenant, null, null), Instant.now())
                def revocations = store.bean(GrantRevocations)
                [revocations.revokeSubject(tenant, text, Instant.now()), revocations.revokeSubject(text, 'someone', Instant.now())] },
    ]

    static final Map<String, List> NOTHING = [
            'a client'    : [Optional.empty(), Optional.empty(), false],
            'a connection': [Optional.empty(), false],
            'a subject'   : [0, 0],
    ]
}
